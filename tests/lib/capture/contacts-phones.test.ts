import { extractCompany } from '@/lib/capture';
import { parsePage } from '../../helpers/corpus';

const page = (body: string, head = '', lang = '') => parsePage(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`);
const phonesOn = (body: string, url: string, options: { head?: string; lang?: string } = {}) => extractCompany(page(body, options.head, options.lang), url).fields.phones;
const kinds = (body: string, url: string, options?: { head?: string; lang?: string }) => phonesOn(body, url, options).map((p) => [p.value, p.kind]);
const CN = 'https://www.xinghe-tech.cn/';

describe('reading Chinese phone numbers', () => {
  it('reads landlines with area codes, including 7-digit local numbers, mobiles and 400/800 hotlines', () => {
    expect(
      kinds('<p>电话：010-12345678</p><p>深圳办：0755-1234567</p><p>手机：138 1234 5678</p><p>服务热线：400-888-9999</p><p>免费电话：800-820-1234</p><p>座机：(021)50123456</p>', CN),
    ).toEqual([
      ['+86 10 1234 5678', 'phone'],
      ['+86 7551234567', 'phone'],
      ['+86 138 1234 5678', 'mobile'],
      ['+86 400 888 9999', 'toll_free'],
      ['+86 800 820 1234', 'toll_free'],
      ['+86 21 5012 3456', 'phone'],
    ]);
  });

  it('tells fax from phone by the page\'s label, and keeps a shared "电话/传真" line as a phone', () => {
    expect(kinds('<p>电话：0755-26881234 传真：0755-26881235</p><p>电话/传真：010-62345678</p>', CN)).toEqual([
      ['+86 755 2688 1234', 'phone'],
      ['+86 755 2688 1235', 'fax'],
      ['+86 10 6234 5678', 'phone'],
    ]);
  });

  it('reads Chinese numbers on a .com site written in Chinese', () => {
    expect(kinds('<p>公司简介：我们是一家专业的机器人制造企业，产品远销海外。联系电话：0571-88886666</p>', 'https://www.hz-robot.com/', { lang: 'zh' })).toEqual([['+86 571 8888 6666', 'phone']]);
  });

  it('does not read licence, filing and registration numbers, dates or prices as phones', () => {
    expect(
      kinds(
        '<p>京ICP备05049539号-1 京公网安备 11010802000104号</p><p>统一社会信用代码：91440300708461136T</p><p>发布时间：2024-03-15 10:30</p>' +
          '<p>售价 9.98-14.30万</p><p>营业执照注册号：110108012345678</p><p>邮编：518057</p><p>© 2004-2021 xinghe-tech.cn</p>',
        CN,
      ),
    ).toEqual([]);
  });

  it('drops the numbers of the other organisations a "友情链接" or partner-links line lists', () => {
    expect(kinds('<p>电话：0512-65881234</p><div>友情链接：<a href="http://www.abc-valve.com">上海阀门厂</a> 电话：021-55551234</div><p>Partner links: Contoso +1 206 555 0100</p>', CN)).toEqual([['+86 512 6588 1234', 'phone']]);
  });

  it('drops the web designer\'s number from a "技术支持" credit line', () => {
    expect(kinds('<p>电话：0755-26881234</p><p>技术支持：星辰网络 0755-88997766</p>', CN)).toEqual([['+86 755 2688 1234', 'phone']]);
  });
});

describe('reading phone numbers on international sites', () => {
  it('reads tel: links, numbers written with a country code, and labels in several styles', () => {
    const found = phonesOn(
      '<a href="tel:+442070841810">Call us</a><p>Tel: +49 30 901820</p><p>P: 925.272.4820</p><p>F: 707.665.9184</p>' +
        '<p>877.224.3262 (Toll-Free) 707.238.3701 (Fax)</p><p>Mobile 415-555-2671</p>',
      'https://www.acme-robotics.com/',
    );
    expect(found.map((p) => [p.value, p.kind, p.source])).toEqual([
      ['+49 30 901820', 'phone', 'text'],
      ['+1 925 272 4820', 'phone', 'text'],
      ['+1 707 665 9184', 'fax', 'text'],
      ['+1 877 224 3262', 'toll_free', 'text'],
      ['+1 707 238 3701', 'fax', 'text'],
      ['+1 415 555 2671', 'mobile', 'text'],
      ['+44 20 7084 1810', 'phone', 'link'],
    ]);
  });

  it('reads national numbers by the ccTLD, and a .com page\'s US numbers by their North American shape', () => {
    expect(kinds('<p>Phone: 1300 346 227</p><p>Fax: (02) 9411 8032</p>', 'http://www.fincar.com.au/')).toEqual([
      ['+61 1300 346 227', 'toll_free'],
      ['+61 2 9411 8032', 'fax'],
    ]);
    expect(kinds('<p>Phone: (360) 366-8500</p><p>1-800-468-7957</p>', 'http://www.peacearchbusinesscenter.com/')).toEqual([
      ['+1 360 366 8500', 'phone'],
      ['+1 800 468 7957', 'toll_free'],
    ]);
  });

  it('trusts a US address over a wrong lang="en-gb", and a UK page\'s language over its US head office', () => {
    expect(kinds('<p>phone: 510-440-1800 | fax: 510-440-1526 | 4120 Clipper Court, Fremont CA 94538 USA</p>', 'http://www.caltronind.com/', { lang: 'en-gb' })).toEqual([
      ['+1 510 440 1800', 'phone'],
      ['+1 510 440 1526', 'fax'],
    ]);
    const headOffice = `<script type="application/ld+json">${JSON.stringify({ '@type': 'Organization', name: 'Hosting Co', address: { '@type': 'PostalAddress', streetAddress: '14455 N Hayden Rd', addressLocality: 'Scottsdale', addressRegion: 'AZ', postalCode: '85260', addressCountry: 'US' } })}</script>`;
    expect(kinds('<p>Give us a call on 020 7023 9020.</p>', 'https://www.hosting.com/', { lang: 'en-GB', head: headOffice })).toEqual([['+44 20 7023 9020', 'phone']]);
  });

  it('reads the one-letter labels of European letterheads: "T +44 … F +44 …"', () => {
    expect(kinds('<p>T +44 (0)20 7946 0958 · F +44 (0)20 7946 0959 · E hello@studio.co.uk</p>', 'https://www.studio.co.uk/')).toEqual([
      ['+44 20 7946 0958', 'phone'],
      ['+44 20 7946 0959', 'fax'],
    ]);
  });

  it('reads Chinese numbers written with the country code but no + on an English page', () => {
    expect(kinds('<p>Tel: 86-571-88776655</p><p>Fax: 0086 571 8877 6656</p><p>Model 20 12 345678</p>', 'https://www.hz-valve.com/', { lang: 'en' })).toEqual([
      ['+86 571 8877 6655', 'phone'],
      ['+86 571 8877 6656', 'fax'],
    ]);
  });

  it('rejects placeholder numbers', () => {
    expect(kinds('<p>Call 123-456-7890 or 999-999-9999, (555) 555-5555, (415) 555-0134, 000-000-0000 or +1 (800) 123-4567</p>', 'https://www.acme-robotics.com/')).toEqual([]);
  });

  it('does not read business registration numbers, dates or prices as phones', () => {
    expect(kinds('<p>ABN 67 107 751 931</p><p>Order #2014-0812-3345</p><p>Posted 12/05/2014</p><p>Price $1,299.00 – $2,450.50</p>', 'http://www.fincar.com.au/')).toEqual([]);
  });

  it('reads WhatsApp chat links as mobiles and ignores WhatsApp share links', () => {
    expect(
      kinds('<a href="https://wa.me/8613812345678">WhatsApp</a><a href="https://api.whatsapp.com/send?text=Look%20at%20https%3A%2F%2Facme.com">Share</a>', 'https://www.acme-robotics.com/'),
    ).toEqual([['+86 138 1234 5678', 'mobile']]);
  });

  it('reads numbers from JSON-LD (telephone, faxNumber, contact points), microdata and hCards', () => {
    const jsonLd = JSON.stringify({
      '@type': 'Corporation',
      name: 'Acme',
      telephone: '+1-800-833-6687',
      faxNumber: '+1 415 766 2300',
      contactPoint: [{ '@type': 'ContactPoint', telephone: '+1 415 766 2400', contactType: 'sales' }],
      brand: { '@type': 'Organization', telephone: '+1 212 555 0199' },
    });
    const microdata = '<div itemscope itemtype="http://schema.org/LocalBusiness"><span itemprop="telephone">+1 (650) 253-0000</span></div>';
    const hCard = '<div class="vcard"><p class="tel"><span class="type">Fax</span>: <span class="value">(413) 781-3430</span></p></div>';
    const found = phonesOn(microdata + hCard, 'https://www.acme-robotics.com/', { head: `<script type="application/ld+json">${jsonLd}</script>` });
    expect(found.map((p) => [p.value, p.kind, p.source])).toEqual([
      ['+1 800 833 6687', 'toll_free', 'json-ld'],
      ['+1 415 766 2300', 'fax', 'json-ld'],
      ['+1 415 766 2400', 'phone', 'json-ld'],
      ['+1 650 253 0000', 'phone', 'microdata'],
      ['+1 413 781 3430', 'fax', 'microdata'],
    ]);
  });

  it('keeps each number once, with the strongest evidence of where it was found', () => {
    const found = phonesOn('<p>Call 1-888-875-7170</p><footer><a href="tel:18888757170">1-888-875-7170</a></footer>', 'http://www.barcodegiant.com/');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value: '+1 888 875 7170', kind: 'toll_free', confidence: 0.95 });
  });

  it("leaves out other companies' numbers: a partner list under its heading, and a job ad placed for a client", () => {
    const body = `
      <h1>Contact Lakeshore Logistics</h1><p>Call us: +1 312 263 0100</p>
      <h2>Our partners</h2>
      <div><h3>Globex Freight</h3><p>+1 415 392 7700</p></div>
      <div><h3>Initech GmbH</h3><p>+49 89 2180 1234</p></div>
      <h2>Careers</h2>
      <p>On behalf of our client Umbrella Ltd we are hiring a Sales Manager. Send your CV to jobs@umbrella-ltd.com or call +44 161 496 0123.</p>`;
    expect(kinds(body, 'https://www.lakeshore-logistics.com/contact')).toEqual([['+1 312 263 0100', 'phone']]);
    // Chinese pages write the heading as 合作伙伴 / 主要客户.
    expect(kinds('<p>电话：0755-86001234</p><h3>主要客户</h3><p>华润集团 0755-82691888</p>', CN)).toEqual([['+86 755 8600 1234', 'phone']]);
  });
});
