import { extractCompany } from '@/lib/capture';
import { parsePage } from '../../helpers/corpus';

const page = (body: string, head = '') => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const emailsOn = (body: string, url = 'https://www.acme-robotics.com/', head = '') => extractCompany(page(body, head), url).fields.emails;
const addresses = (body: string, url?: string, head?: string) => emailsOn(body, url, head).map((e) => e.value);

describe('reading a company\'s email addresses', () => {
  it('reads mailto links, also on image maps and with several addresses or a subject, and the visible text', () => {
    const found = emailsOn(
      '<a href="mailto:Sales@Acme-Robotics.com?subject=Quote">Write to us</a>' +
        '<map><area shape="rect" href="mailto:info@acme-robotics.com"></map>' +
        '<a href="mailto:support@acme-robotics.com,billing@acme-robotics.com">support</a>' +
        '<p>Press: press@acme-robotics.com</p>',
    );
    expect(found.map((e) => e.value)).toEqual(['sales@acme-robotics.com', 'info@acme-robotics.com', 'support@acme-robotics.com', 'billing@acme-robotics.com', 'press@acme-robotics.com']);
    expect(found[0]).toMatchObject({ source: 'link', snippet: 'Write to us', confidence: 0.95 });
    expect(found[4]).toMatchObject({ source: 'text', confidence: 0.9 });
    expect(found[4]!.snippet).toContain('Press: press@acme-robotics.com');
  });

  it('marks an address read in the footer as such', () => {
    expect(emailsOn('<main>Hello</main><footer><p>Contact: hello@acme-robotics.com</p></footer>')[0]).toMatchObject({ value: 'hello@acme-robotics.com', source: 'footer' });
  });

  it('de-obfuscates addresses written to keep harvesters away', () => {
    expect(addresses('<p>Email: sales [at] acme-robotics [dot] com</p>')).toEqual(['sales@acme-robotics.com']);
    expect(addresses('<p>jobs(at)acme-robotics.com</p>')).toEqual(['jobs@acme-robotics.com']);
    expect(addresses('<p>Write to hello at acme-robotics dot com for a quote</p>')).toEqual(['hello@acme-robotics.com']);
    expect(addresses('<p>邮箱：sales＠acme-robotics.com</p>')).toEqual(['sales@acme-robotics.com']);
  });

  it('reads "name#domain.com" where the page labels it as an email or says that # stands for @', () => {
    expect(addresses('<p>邮箱：sales#xinghe-tech.cn</p>', 'https://www.xinghe-tech.cn/')).toEqual(['sales@xinghe-tech.cn']);
    expect(addresses('<p>E-mail: service#xinghe-tech.cn（请将#换成@）</p>', 'https://www.xinghe-tech.cn/')).toEqual(['service@xinghe-tech.cn']);
    expect(addresses('<p>业务：zhang#partner-mail.com</p><p>发邮件时请将#换成@</p>', 'https://www.xinghe-tech.cn/')).toEqual(['zhang@partner-mail.com']);
    // Without a label or a note, "#" is a URL fragment or a hashtag.
    expect(addresses('<p>See docs.html#section.top and item#acme.com</p>', 'https://www.xinghe-tech.cn/')).toEqual([]);
  });

  it('decodes addresses hidden by Cloudflare email protection', () => {
    const encode = (address: string, key = 0x42) => key.toString(16) + [...address].map((c) => (c.charCodeAt(0) ^ key).toString(16).padStart(2, '0')).join('');
    const found = emailsOn(`<p>Mail <a href="/cdn-cgi/l/email-protection#${encode('sales@acme-robotics.com')}"><span class="__cf_email__" data-cfemail="${encode('sales@acme-robotics.com')}">[email&#160;protected]</span></a></p>`);
    expect(found.map((e) => e.value)).toEqual(['sales@acme-robotics.com']);
  });

  it('separates an address from the word run into it by inline markup', () => {
    expect(addresses('<p><span>info@acme-robotics.com</span><span>Phone</span></p>')).toEqual(['info@acme-robotics.com']);
  });

  it('ignores placeholders, example domains and asset names that look like addresses', () => {
    expect(
      addresses('<p>you@example.com name@company.com john.doe@gmail.com your.name@yourcompany.com user@domain.com</p><p>logo@2x.png icon@3x.webp sprite@2x.jpg</p><p>a@b.c test@localhost</p>'),
    ).toEqual([]);
  });

  it('ignores error-tracking, analytics and site-builder addresses and no-reply senders', () => {
    expect(
      addresses(
        '<p>0123456789abcdef0123456789abcdef@o123456.ingest.sentry.io</p><p>605a7baede844d278b89dc95ae0a9123@sentry-next.wixpress.com</p>' +
          '<p>noreply@acme-robotics.com</p><p>abc@sentry.io</p><p>sales@acme-robotics.com</p>',
      ),
    ).toEqual(['sales@acme-robotics.com']);
  });

  it('skips share-by-email links, which name no address', () => {
    expect(addresses('<a href="mailto:?subject=Look%20at%20this&body=https%3A%2F%2Facme-robotics.com">Share</a>')).toEqual([]);
  });

  it('keeps a company\'s own mailbox at a public provider, with less confidence than its domain\'s', () => {
    const found = emailsOn('<p>联系邮箱：xinghe2024@163.com</p><p>欢迎来信 88888@qq.com</p>', 'https://www.xinghe-tech.cn/');
    expect(found.map((e) => [e.value, e.confidence])).toEqual([
      ['xinghe2024@163.com', 0.7],
      ['88888@qq.com', 0.6],
    ]);
  });

  it('drops other companies\' addresses: examples, web designers\' credits, job ads and partner blocks', () => {
    expect(addresses('<p>Customers trust a professional address like lily@lilysbikes.com more than a free one.</p>')).toEqual([]);
    expect(addresses('<footer>Website designed by Pixel Forge — hello@pixelforge.co.uk</footer>')).toEqual([]);
    expect(addresses('<p>技术支持：星辰网络 service@xingchen-web.com</p>', 'https://www.xinghe-tech.cn/')).toEqual([]);
    expect(addresses('<p>Hiring! Send your CV to talent@hunter-partners.com</p>')).toEqual([]);
    expect(addresses('<li>Our partner Ludlow Trading supplies the sensors: orders@ludlowtrading.com</li>')).toEqual([]);
    expect(addresses('<div class="partner"><h4>Ludlow Trading Co.</h4><p>Sensors and actuators</p><p>orders@ludlowtrading.com</p></div>')).toEqual([]);
    expect(addresses('<ul><li><b>Careers</b> Send us your CV: <a href="mailto:cv@talentbridge-hr.com">cv@talentbridge-hr.com</a></li></ul>')).toEqual([]);
    expect(addresses('<h2>Our clients</h2><ul><li>Dell Technologies</li><li>Texas Instruments — contact: ti-procurement@ti.com</li></ul>')).toEqual([]);
    expect(addresses('<h3>合作伙伴</h3><p>华东区：上海阀门厂</p><p>邮箱：sales@abc-valve.com</p>', 'https://www.xinghe-tech.cn/')).toEqual([]);
  });

  it('keeps a labelled address at another domain with low confidence, and trusts one the site declares its own', () => {
    expect(emailsOn('<p>电子邮箱：95599@abchina.com 网址：www.abchina.com</p>', 'http://www.95599.cn/')[0]).toMatchObject({ value: '95599@abchina.com', confidence: 0.6 });
    const jsonLd = JSON.stringify({ '@type': 'Organization', name: 'ABC', url: 'https://www.abchina.com/' });
    const declared = emailsOn('<p>电子邮箱：95599@abchina.com</p>', 'http://www.95599.cn/', `<script type="application/ld+json">${jsonLd}</script>`);
    expect(declared[0]).toMatchObject({ value: '95599@abchina.com', confidence: 0.9 });
  });

  it('reads addresses from JSON-LD and microdata, but not those of an article\'s author or a product\'s maker', () => {
    const jsonLd = JSON.stringify([
      { '@type': 'Organization', name: 'Acme', email: 'mailto:hello@acme-robotics.com', contactPoint: { '@type': 'ContactPoint', email: 'support@acme-robotics.com' } },
      { '@type': 'Product', name: 'Arm', manufacturer: { '@type': 'Organization', email: 'oem@parts-maker.com' } },
      { '@type': 'Article', author: { '@type': 'Person', name: 'Jane Roe', email: 'jane@newsdesk.com' } },
    ]);
    const microdata = '<div itemscope itemtype="https://schema.org/Organization"><a itemprop="email" href="mailto:sales@acme-robotics.com">Sales</a></div>';
    const found = emailsOn(microdata, 'https://www.acme-robotics.com/', `<script type="application/ld+json">${jsonLd}</script>`);
    expect(found.map((e) => [e.value, e.source])).toEqual([
      ['hello@acme-robotics.com', 'json-ld'],
      ['support@acme-robotics.com', 'json-ld'],
      ['sales@acme-robotics.com', 'microdata'],
    ]);
  });
});
