import { extractCompany } from '@/lib/capture';
import { parseSocialUrl } from '@/lib/capture/social-url';
import { parsePage } from '../../helpers/corpus';

const page = (head: string, body: string) => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const profiles = (doc: Document, url = 'https://www.acme.io/') =>
  extractCompany(doc, url).fields.social.map((s) => `${s.value.network} ${s.value.url ?? s.value.handle}`);

describe('recognising a company profile link', () => {
  it.each([
    ['https://www.linkedin.com/company/acme-robotics/about/', 'linkedin', 'https://www.linkedin.com/company/acme-robotics'],
    ['https://uk.linkedin.com/company/acme', 'linkedin', 'https://www.linkedin.com/company/acme'],
    ['http://twitter.com/#%21/FirstCal', 'x', 'https://x.com/FirstCal'],
    ['https://x.com/acme?lang=en', 'x', 'https://x.com/acme'],
    ['https://www.facebook.com/FirstCal?ref=sgm', 'facebook', 'https://www.facebook.com/FirstCal'],
    ['https://www.facebook.com/pages/Caltron-Industries-Inc/497837805156', 'facebook', 'https://www.facebook.com/pages/Caltron-Industries-Inc/497837805156'],
    ['https://m.facebook.com/profile.php?id=100064', 'facebook', 'https://www.facebook.com/profile.php?id=100064'],
    ['https://www.youtube.com/channel/UCMoMjgZ67wrRjs93ZWx3Ksw', 'youtube', 'https://www.youtube.com/channel/UCMoMjgZ67wrRjs93ZWx3Ksw'],
    ['https://www.youtube.com/@acme', 'youtube', 'https://www.youtube.com/@acme'],
    ['http://www.youtube.com/caltron1', 'youtube', 'https://www.youtube.com/caltron1'],
    ['https://instagram.com/inteluk/', 'instagram', 'https://www.instagram.com/inteluk'],
    ['https://github.com/acme', 'github', 'https://github.com/acme'],
    ['http://weibo.com/qichezhijia', 'weibo', 'https://weibo.com/qichezhijia'],
    ['https://weibo.com/u/1234567890', 'weibo', 'https://weibo.com/u/1234567890'],
  ])('%s is a %s profile', (href, network, url) => {
    expect(parseSocialUrl(href)).toMatchObject({ network, url });
  });

  it.each([
    'https://twitter.com/intent/tweet?text=Hello&url=https%3A%2F%2Facme.io',
    'https://twitter.com/share?url=https://acme.io',
    'https://twitter.com/acme/status/1234567890',
    'https://www.facebook.com/sharer/sharer.php?u=https://acme.io',
    'https://www.facebook.com/sharer.php?u=https://acme.io',
    'https://www.facebook.com/dialog/share?app_id=1',
    'https://www.facebook.com/plugins/like.php?href=acme',
    'https://www.linkedin.com/shareArticle?mini=true&url=https://acme.io',
    'https://www.linkedin.com/sharing/share-offsite/?url=https://acme.io',
    'https://www.linkedin.com/in/jane-doe',
    'http://www.linkedin.com/groups?gid=2911992',
    'https://www.addthis.com/bookmark.php?url=acme',
    'https://service.weibo.com/share/share.php?url=acme',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://www.instagram.com/p/Cabc123/',
    'https://github.com/acme/acme-js',
    'https://mp.weixin.qq.com/s/abcdef',
    'http://www.carfax.com/cfm/report.cfm?vin=1',
    'javascript:void(0)',
  ])('%s is not a profile', (href) => {
    expect(parseSocialUrl(href)).toBeUndefined();
  });
});

describe("a company's own social profiles on its page", () => {
  it('prefers structured data sameAs, then adds footer links, keeping one entry per profile', () => {
    const ld = JSON.stringify({ '@type': 'Organization', name: 'Acme', sameAs: ['https://twitter.com/acme', 'https://www.linkedin.com/company/acme'] });
    const doc = page(
      `<script type="application/ld+json">${ld}</script>`,
      `<main><p>Read our story.</p></main>
       <footer><a href="https://x.com/Acme">X</a> <a href="https://www.facebook.com/acmeio">Facebook</a> <a href="https://github.com/acme">GitHub</a></footer>`,
    );
    const capture = extractCompany(doc, 'https://www.acme.io/');
    expect(capture.fields.social.map((s) => [s.value.network, s.value.url, s.source])).toEqual([
      ['x', 'https://x.com/acme', 'json-ld'],
      ['linkedin', 'https://www.linkedin.com/company/acme', 'json-ld'],
      ['facebook', 'https://www.facebook.com/acmeio', 'link'],
      ['github', 'https://github.com/acme', 'link'],
    ]);
  });

  it('ignores share buttons and intent links, and accounts an article merely mentions', () => {
    const doc = page(
      '',
      `<header><a href="/">Acme</a></header>
       <article><p>We met <a href="https://twitter.com/someinvestor">@someinvestor</a> and
         <a href="https://www.linkedin.com/company/partnerco">PartnerCo</a> at the fair.</p>
         <div class="share"><a href="https://twitter.com/intent/tweet?url=x">Tweet</a>
           <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a>
           <a href="https://www.linkedin.com/shareArticle?url=x">Share</a>
           <a href="https://www.addthis.com/bookmark.php">More</a></div></article>
       <div class="site-footer"><a href="https://www.instagram.com/acme.io/">Instagram</a></div>`,
    );
    expect(profiles(doc)).toEqual(['instagram https://www.instagram.com/acme.io']);
  });

  it("accepts a link anywhere when its handle is the company's name, and reads twitter:site", () => {
    const doc = page('<meta name="twitter:site" content="@AcmeHQ">', '<p><a href="https://www.youtube.com/user/AcmeRobotics">Watch us</a></p>');
    expect(profiles(doc)).toEqual(['x https://x.com/AcmeHQ', 'youtube https://www.youtube.com/user/AcmeRobotics']);
  });

  it('reads a WeChat official account by its name and its QR code', () => {
    const doc = page(
      '<title>星河科技</title>',
      `<div class="footer"><p>微信公众号：星河科技服务号</p><div class="qr"><img src="/img/wx-qr.png" alt="扫码关注官方微信"></div>
         <p>【央视财经微信号】新闻</p></div>`,
    );
    expect(extractCompany(doc, 'https://www.xinghe-tech.cn/').fields.social).toEqual([
      expect.objectContaining({ value: { network: 'wechat', handle: '星河科技服务号', url: 'https://www.xinghe-tech.cn/img/wx-qr.png' }, source: 'text' }),
    ]);
  });

  it('keeps at most three profiles of one network', () => {
    const links = Array.from({ length: 8 }, (_, i) => `<a href="https://twitter.com/acme${i}">t</a>`).join('');
    expect(profiles(page('', `<footer>${links}</footer>`))).toHaveLength(3);
  });
});
