import { extractCompany } from '@/lib/capture';
import { READABILITY_LIMITS, readMainText } from '@/lib/capture/main-text';
import { cleanName, domainAffinity, labelSpan, splitLegalName } from '@/lib/capture/name-text';
import { PageCapture } from '@/lib/schema';
import { parsePage } from '../../helpers/corpus';

const page = (head: string, body = '', lang = 'en') =>
  parsePage(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`);
const nameOf = (doc: Document, url: string) => extractCompany(doc, url).fields.name?.value;

describe('the company name a rep would write down', () => {
  it('drops "About", "Welcome to" and "Home" around the name', () => {
    expect(nameOf(page('<title>About ioSafe</title>'), 'http://iosafe.com/about')).toBe('ioSafe');
    expect(nameOf(page('<title>Welcome to Northwind Traders</title>'), 'https://www.northwindtraders.com/')).toBe('Northwind Traders');
    expect(nameOf(page('<title>Home | Contoso</title>'), 'https://contoso.com/')).toBe('Contoso');
  });

  it('takes the brand from the footer when the title only lists products, and keeps the legal form apart', () => {
    const doc = page('<title>Industrial pumps | Valves | Spare parts</title>', '<p>Our pumps.</p><footer>© 2024 Hydra Flow GmbH. All rights reserved.</footer>');
    const { fields } = extractCompany(doc, 'https://www.hydraflow.de/');
    expect(fields.name).toMatchObject({ value: 'Hydra Flow', source: 'footer' });
    expect(fields.legalName?.value).toBe('Hydra Flow GmbH');
  });

  it('cuts the name out of a title that is a sentence about the company', () => {
    expect(nameOf(page('<title>Zentrix is the leading provider of secure cloud backup for small firms | Backup | NAS</title>'), 'https://zentrix.io/')).toBe('Zentrix');
  });

  it('splits Chinese titles at hyphens and drops a bracketed domain', () => {
    expect(nameOf(page('<title>阿里云-计算，为了无法计算的价值</title>', '', 'zh-CN'), 'https://www.aliyun.com/')).toBe('阿里云');
    expect(nameOf(page('<title>京东(JD.COM)-正品低价、品质保障、配送及时、轻松购物！</title>', '', 'zh-CN'), 'https://www.jd.com/')).toBe('京东');
  });

  it('drops a section word after the brand, unless the domain spells the whole name', () => {
    expect(nameOf(page('<meta property="og:site_name" content="HubSpot Blog">'), 'https://blog.hubspot.com/')).toBe('HubSpot');
    expect(nameOf(page('<title>Williams Home</title>'), 'https://williamshome.com/')).toBe('Williams Home');
  });

  it('prefers the title segment that is exactly the domain over a longer regional one', () => {
    expect(nameOf(page('<title>Globex United Kingdom - United Kingdom | Globex</title>'), 'https://www.globex.com/uk-en')).toBe('Globex');
  });

  it('reads the logo alt text in the header, and the logo itself', () => {
    const doc = page('<title>Freight forwarding services</title>', '<header><a href="/"><img src="/img/logo.png" alt="Bluebird Logistics logo"></a></header><p>Ship with us.</p>');
    const { fields } = extractCompany(doc, 'https://bluebirdlogistics.com/services');
    expect(fields.name).toMatchObject({ value: 'Bluebird Logistics', source: 'text' });
    expect(fields.logo?.value).toBe('https://bluebirdlogistics.com/img/logo.png');
  });

  it('expands an abbreviated title to the full name the footer states', () => {
    const doc = page('<title>Home Loans – Firstcal</title>', '<footer>Copyright © 2014 First California Mortgage</footer>');
    expect(nameOf(doc, 'http://www.firstcal.net/')).toBe('First California Mortgage');
  });

  it('names a Chinese company in Chinese, as its page does, with its registered name as the legal name', () => {
    const doc = page('<title>首页-杭州云栖科技有限公司</title>', '<p>产品中心</p><div class="footer">版权所有：杭州云栖科技有限公司 浙ICP备12345678号</div>', 'zh-CN');
    const { fields } = extractCompany(doc, 'https://www.yunqi-tech.com/');
    expect(fields.name?.value).toBe('云栖科技');
    expect(fields.legalName?.value).toBe('杭州云栖科技有限公司');
  });

  it('prefers the Chinese title over an English copyright holder on a Chinese page', () => {
    const doc = page('<title>中国银行全球门户网站</title>', '<p>中国银行外汇牌价</p><p>中国银行信用卡</p><p>Copyright© BANK OF CHINA(BOC) All Rights Reserved.</p>', 'zh-CN');
    expect(nameOf(doc, 'https://www.boc.cn/')).toBe('中国银行');
  });

  it('reads the operator line of a Chinese footer as the legal name', () => {
    const doc = page('<title>网易</title>', '<p>新闻</p><p>主办单位：广州网易计算机系统有限公司</p><p>© 1997-2021 网易公司版权所有</p>', 'zh-CN');
    const { fields } = extractCompany(doc, 'https://www.163.com/');
    expect(fields.name?.value).toBe('网易');
    expect(fields.legalName?.value).toBe('广州网易计算机系统有限公司');
  });

  it('does not take a dealer platform’s franchise logos or a search widget’s logo for the company logo', () => {
    const doc = page(
      '<title>Balise Auto Group</title>',
      `<div class="header"><a href="/index.htm" class="home-logolink"><img class="franchiseLogo" src="http://static.dealer.com/logos/buick.png"></a>
       <img class="gsc-branding-img" src="https://www.google.com/uds/css/small-logo.png"></div>`,
    );
    expect(extractCompany(doc, 'http://www.baliseauto.com/').fields.logo).toBeUndefined();
  });
});

describe('name text rules', () => {
  it('splits legal endings from brands, in English and Chinese', () => {
    expect(splitLegalName('FinCar Pty Ltd')).toEqual({ brand: 'FinCar', legal: 'FinCar Pty Ltd' });
    expect(splitLegalName('Caltron Industries, Inc.')).toEqual({ brand: 'Caltron Industries', legal: 'Caltron Industries, Inc.' });
    expect(splitLegalName('腾讯科技（深圳）有限公司')).toEqual({ brand: '腾讯科技', legal: '腾讯科技（深圳）有限公司' });
    expect(splitLegalName('中国银行股份有限公司')).toEqual({ brand: '中国银行', legal: '中国银行股份有限公司' });
    expect(splitLegalName('深圳市腾讯计算机系统有限公司').brand).toBe('腾讯计算机系统');
    expect(splitLegalName('上海银行股份有限公司').brand).toBe('上海银行');
    expect(splitLegalName('网易公司')).toEqual({ brand: '网易' });
    expect(splitLegalName('Balise Auto Group')).toEqual({ brand: 'Balise Auto Group' });
  });

  it('cleans generic words, shouting and abbreviations', () => {
    expect(cleanName('Intel Footer Logo')).toBe('Intel');
    expect(cleanName('BANK OF CHINA(BOC)')).toBe('Bank of China');
    expect(cleanName('中国银行全球门户网站')).toBe('中国银行');
    expect(cleanName('Home')).toBe('');
  });

  it('reads the company, not the page, from titles in other languages ("Impressum – Brückner GmbH")', () => {
    const titled = (title: string, url: string, lang: string) => extractCompany(page(`<title>${title}</title>`, '', lang), url).fields;
    expect(titled('Impressum – Brückner Maschinenbau GmbH', 'https://www.brueckner-mb.de/impressum', 'de')).toMatchObject({
      name: { value: 'Brückner Maschinenbau' },
      legalName: { value: 'Brückner Maschinenbau GmbH' },
    });
    expect(titled('Mentions légales | Société Générale Logistique', 'https://www.sgl-logistique.fr/mentions', 'fr').name?.value).toBe('Société Générale Logistique');
    expect(titled('Contatti - Ferretti Arredamenti', 'https://www.ferretti-arredamenti.it/contatti', 'it').name?.value).toBe('Ferretti Arredamenti');
  });

  it('relates accented names to the ASCII spelling of their domain', () => {
    expect(domainAffinity('Brückner', 'brueckner')).toBe('exact');
    expect(domainAffinity('Société Générale', 'societegenerale')).toBe('exact');
    expect(domainAffinity('Müller', 'muller')).toBe('exact');
  });

  it('relates names to the domain label', () => {
    expect(domainAffinity('Barcode Giant', 'barcodegiant')).toBe('exact');
    expect(domainAffinity('Caltron Industries', 'caltronind')).toBe('prefix');
    expect(domainAffinity('Bank of China', 'boc')).toBe('acronym');
    expect(domainAffinity('网易', '163')).toBe('none');
    expect(labelSpan('Online Home Loans at First California Mortgage', 'firstcal')).toBe('First California Mortgage');
    expect(labelSpan('Balise Car Dealerships in Western Massachusetts', 'baliseauto')).toBe('Balise');
  });
});

describe('description and main text from Readability', () => {
  const article = `<nav><a href="/a">Home</a> <a href="/b">Products</a></nav><article><h1>Our story</h1>
    <p>Greenleaf Packaging designs compostable food containers for restaurants and caterers across the Pacific Northwest, from our plant in Tacoma.</p>
    <p>${'We work with growers and chefs to replace plastic with fibre made from wheat straw. '.repeat(8)}</p>
    <p>Read <a href="/story">how we started</a>.</p></article>`;

  it('fill in the description and the main text when the page has no description of its own, leaving the page untouched', () => {
    const doc = page('<title>Greenleaf Packaging</title>', article);
    const before = doc.documentElement.outerHTML;
    const capture = extractCompany(doc, 'https://greenleafpack.com/about');
    expect(capture.fields.description).toMatchObject({ source: 'readability' });
    expect(capture.fields.description?.value).toMatch(/^Greenleaf Packaging designs compostable food containers/);
    expect(capture.mainText).toContain('wheat straw');
    expect(capture.mainText!.length).toBeLessThanOrEqual(20_000);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(PageCapture.safeParse(capture).success).toBe(true);
  });

  it('are not used when the page describes itself', () => {
    const capture = extractCompany(page('<meta name="description" content="Compostable containers.">', article), 'https://greenleafpack.com/');
    expect(capture.fields.description).toMatchObject({ value: 'Compostable containers.', source: 'meta' });
    expect(capture.mainText).toBeUndefined();
  });

  it('are read from the first part of a page too large to give Readability whole, skipping cookie notices', () => {
    const intro = '<p>Greenleaf Packaging designs compostable food containers for restaurants and caterers across the Pacific Northwest.</p>';
    const catalogue = '<div class="item"><span>Tray</span></div>'.repeat(3_100);
    const notice = '<p>We use cookies to give you the best experience on our website and to measure our traffic.</p>';
    const capture = extractCompany(page('<title>Greenleaf Packaging</title>', `${notice}${intro}${catalogue}<p>Last item of the long catalogue.</p>`), 'https://greenleafpack.com/');
    expect(capture.fields.description?.value).toMatch(/^Greenleaf Packaging designs compostable/);
    expect(capture.mainText ?? '').not.toContain('Last item of the long catalogue');
    const heavy = extractCompany(page('<title>Heavy</title>', `<p>${'word '.repeat(320_000)}</p>`), 'https://heavy.com/');
    expect(heavy.mainText).toBeUndefined();
    const deep = extractCompany(page('<title>Deep</title>', `${'<div>'.repeat(200)}<p>${'Deep text about the company and what it does for its customers. '.repeat(5)}</p>${'</div>'.repeat(200)}`), 'https://deep.com/');
    expect(deep.mainText).toBeUndefined();
  });

  it('still run on a portal page whose menus and scripts are most of its elements', () => {
    const menus = `<nav>${'<a href="/c">Category</a>'.repeat(8_000)}</nav><script>var x = 1;</script>`;
    const doc = page('<title>Greenleaf Packaging</title>', `${menus}${article}<footer>${'<a href="/f">Link</a>'.repeat(2_000)}</footer>`);
    const capture = extractCompany(doc, 'https://greenleafpack.com/about');
    expect(capture.fields.description).toMatchObject({ source: 'readability', value: expect.stringMatching(/^Greenleaf Packaging designs/) });
    expect(capture.mainText).toContain('wheat straw');
    expect(capture.mainText).not.toContain('Category');
  });

  it('bound what Readability is given by the limits passed', () => {
    const doc = page('<title>Greenleaf Packaging</title>', article);
    const cut = readMainText(doc, 'https://greenleafpack.com/', [], { ...READABILITY_LIMITS, maxElements: 3 });
    expect(cut.mainText).toContain('Greenleaf Packaging designs compostable food containers');
    expect(cut.mainText).not.toContain('wheat straw');
    expect(readMainText(doc, 'https://greenleafpack.com/').mainText).toContain('wheat straw');
  });
});
