import { extractCompany } from '@/lib/capture';
import { readEnglishChineseAddress } from '@/lib/capture/chinese-address-english';
import { readHeadquartersCities } from '@/lib/capture/headquarters-city';
import { parsePage } from '../../helpers/corpus';

const page = (body: string, head = '') => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const addressesOn = (body: string, url: string, head = '') => extractCompany(page(body, head), url).fields.addresses;
const values = (body: string, url: string, head?: string) => addressesOn(body, url, head).map((a) => a.value);

describe('reading a company\'s postal addresses', () => {
  it('reads a Chinese address by its 省/市/区, with the postal code nearby', () => {
    expect(values('<p>地址：广东省深圳市南山区科技园南区高新南一道008号 电话：0755-26881234</p><p>邮编：518057</p>', 'https://www.xinghe-tech.cn/')).toEqual([
      { region: '广东省', city: '深圳市', street: '南山区科技园南区高新南一道008号', postalCode: '518057', country: 'CN', full: '广东省深圳市南山区科技园南区高新南一道008号' },
    ]);
  });

  it('reads a municipality\'s address and an unlabelled one', () => {
    expect(values('<p>公司地址：北京市海淀区中关村大街1号</p>', 'https://www.example-bj.cn/')).toEqual([
      { region: '北京市', city: '北京市', street: '海淀区中关村大街1号', postalCode: undefined, country: 'CN', full: '北京市海淀区中关村大街1号' },
    ]);
    expect(values('<p>总部位于上海市浦东新区张江路88号</p>', 'https://www.example-sh.cn/')[0]).toMatchObject({ region: '上海市', city: '上海市', street: '浦东新区张江路88号' });
  });

  it('reads US, Australian and UK addresses written over several lines', () => {
    expect(values('<p>8105 Birch Bay Square Street<br>Suite 205<br>Blaine, WA 98230</p>', 'http://www.peacearchbusinesscenter.com/')).toEqual([
      { street: '8105 Birch Bay Square Street, Suite 205', city: 'Blaine', region: 'WA', postalCode: '98230', country: 'US', full: '8105 Birch Bay Square Street, Suite 205, Blaine, WA 98230' },
    ]);
    expect(values('<p>Fincar Pty Ltd<br>Lvl2 845 Pacific Hwy<br>Chatswood NSW 2067</p>', 'http://www.fincar.com.au/contact')).toEqual([
      { street: 'Lvl2 845 Pacific Hwy', city: 'Chatswood', region: 'NSW', postalCode: '2067', country: 'AU', full: 'Lvl2 845 Pacific Hwy, Chatswood, NSW 2067' },
    ]);
    expect(values('<p>sales@caltronind.com | phone: 510-440-1800 | 4120 Clipper Court, Fremont CA 94538 USA</p>', 'http://www.caltronind.com/')[0]).toMatchObject({
      street: '4120 Clipper Court',
      city: 'Fremont',
      country: 'US',
    });
    expect(values('<p>Studio Ltd, 12 Old Street, London EC1V 9HL</p>', 'https://www.studio.co.uk/')[0]).toMatchObject({ street: '12 Old Street', city: 'London', postalCode: 'EC1V 9HL', country: 'GB' });
    expect(values('<p>Our offices: 500 Market St, Suite 300, San Francisco, CA 94105</p>', 'https://acme-tools.com/')[0]).toMatchObject({ street: '500 Market St, Suite 300', city: 'San Francisco' });
  });

  it('keeps a named estate or district with its street, not the company name before it (UK)', () => {
    expect(values('<p>Unit 5, Riverside Park, Manchester, M1 2AB</p>', 'https://www.northmill.co.uk/')[0]).toMatchObject({ street: 'Unit 5, Riverside Park', city: 'Manchester', postalCode: 'M1 2AB', country: 'GB' });
    expect(values('<p>Acme Ltd, 1 Canada Square, Canary Wharf, London E14 5AB, United Kingdom</p>', 'https://www.acme.co.uk/')[0]).toMatchObject({ street: '1 Canada Square, Canary Wharf', city: 'London', postalCode: 'E14 5AB' });
    expect(values('<p>Harrow &amp; Finch LLP<br>22 Bedford Row<br>London<br>WC1R 4JS</p>', 'https://www.harrowfinch.co.uk/')[0]).toMatchObject({ street: '22 Bedford Row', city: 'London', postalCode: 'WC1R 4JS' });
  });

  it('does not read a state and a number in a sentence as an address (US)', () => {
    expect(values('<p>Our 2024 report covers CA 94043 results and TX 75201 growth.</p>', 'https://acme.com/')).toEqual([]);
  });

  it('reads PostalAddress from JSON-LD and microdata, and hCard adr', () => {
    const jsonLd = JSON.stringify({ '@type': 'LocalBusiness', name: 'Acme', address: { '@type': 'PostalAddress', streetAddress: '1 Main St', addressLocality: 'Springfield', addressRegion: 'MA', postalCode: '01105', addressCountry: { '@type': 'Country', name: 'United States' } } });
    const microdata = '<div itemscope itemtype="http://schema.org/PostalAddress"><span itemprop="streetAddress">88 Zhangjiang Rd</span><span itemprop="addressLocality">Shanghai</span><span itemprop="addressCountry">CN</span></div>';
    const hCard = '<p class="adr"><span class="street-address">440 Hall of Fame Avenue</span> <span class="locality">Springfield</span>, <span class="region">MA</span> <span class="postal-code">01105</span></p>';
    const found = addressesOn(microdata + hCard, 'https://www.acme-robotics.com/', `<script type="application/ld+json">${jsonLd}</script>`);
    expect(found.map((a) => [a.value.street, a.value.city, a.value.country, a.source])).toEqual([
      ['1 Main St', 'Springfield', 'US', 'json-ld'],
      ['88 Zhangjiang Rd', 'Shanghai', 'CN', 'microdata'],
      ['440 Hall of Fame Avenue', 'Springfield', undefined, 'microdata'],
    ]);
  });

  it('reads the parts of an address that structured data gives as one string, and does not list it twice', () => {
    const block = (address: string) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'Organization', name: 'Muster', address })}</script>`;
    const german = addressesOn('<footer>Musterstraße 12 · 80331 München</footer>', 'https://www.muster.de/', block('Musterstraße 12, 80331 München, Deutschland'));
    expect(german.map((a) => [a.value.street, a.value.city, a.value.postalCode, a.value.country, a.source])).toEqual([['Musterstraße 12', 'München', '80331', 'DE', 'json-ld']]);
    expect(german[0]!.value.full).toBe('Musterstraße 12, 80331 München, Deutschland');
    expect(addressesOn('', 'https://acme.com/', block('500 Market St, Suite 300, San Francisco, CA 94105'))[0]!.value).toMatchObject({ city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' });
    expect(addressesOn('', 'https://www.xinghe-tech.cn/', block('广东省深圳市南山区科技园南区高新南一道008号'))[0]!.value).toMatchObject({ region: '广东省', city: '深圳市', country: 'CN' });
    expect(addressesOn('', 'https://acme.com/', block('Near the old harbour'))[0]!.value).toEqual({ full: 'Near the old harbour' });
  });

  it('leaves out the addresses listed under a heading of dealers, partners or clients, and keeps the company\'s own', () => {
    const us = values('<p>440 Hall of Fame Avenue<br>Springfield, MA 01105</p><h3>Our dealers</h3><p>Pioneer Valley Motors</p><p>12 Main Street<br>Northampton, MA 01060</p>', 'https://acme.com/');
    expect(us.map((a) => a.city)).toEqual(['Springfield']);
    const de = values('<p>Musterstraße 12, 80331 München</p><h3>Händlernetz</h3><p>Auto Nord GmbH, Hafenstraße 3, 20459 Hamburg</p>', 'https://www.muster.de/');
    expect(de.map((a) => a.city)).toEqual(['München']);
    const cn = values('<p>地址：上海市浦东新区张江路88号</p><h3>经销商</h3><p>地址：广东省广州市天河区体育西路1号</p>', 'https://www.example-sh.cn/');
    expect(cn.map((a) => a.city)).toEqual(['上海市']);
    const en = values('<h3>Our distributors</h3><p>Add: No. 5 Keji Road, Nanshan District, Shenzhen, Guangdong, China</p>', 'https://www.acme.com/');
    expect(en).toEqual([]);
  });

  it('skips the web designer\'s address and a region and postal code alone', () => {
    expect(values('<p>技术支持：星辰网络 地址：广东省深圳市福田区深南大道1号</p>', 'https://www.xinghe-tech.cn/')).toEqual([]);
    expect(values('<p>baliseauto.com MA 01089</p><p>Welcome</p>', 'http://www.baliseauto.com/')).toEqual([]);
  });
});

describe('the city a company names in a sentence about itself', () => {
  it('reads "X is based in City" and "headquarters in City, State" when the subject is the company', () => {
    expect(values('<p>FinCar is a privately owned Australian company (ABN 67 107 751 931. Australian Credit Licence: 387894) is based in Sydney. As a specialist we help.</p>', 'http://www.fincar.com.au/')).toEqual([
      { city: 'Sydney', region: undefined, country: 'AU', full: 'Sydney' },
    ]);
    expect(values('<p>ioSafe is a privately held company with headquarters in Auburn, California. Call us.</p>', 'http://iosafe.com/')).toEqual([
      { city: 'Auburn', region: 'CA', country: 'US', full: 'Auburn, CA' },
    ]);
    expect(values('<p>We are headquartered in San Francisco, CA and ship worldwide.</p>', 'https://acme-tools.com/')[0]).toMatchObject({ city: 'San Francisco', region: 'CA' });
    expect(values('<p>Wir sind ein Familienunternehmen mit Sitz in Frankfurt am Main.</p>', 'https://www.muster.de/')[0]).toMatchObject({ city: 'Frankfurt am Main' });
    expect(values('<p>Brückner Maschinenbau mit Sitz in Siegsdorf baut Folienreckanlagen.</p>', 'https://www.brueckner.com/')[0]).toMatchObject({ city: 'Siegsdorf' });
    expect(values('<p>星河科技总部位于深圳市，在北京、上海设有分公司。</p>', 'https://www.xinghe-tech.cn/')[0]).toMatchObject({ city: '深圳市', country: 'CN' });
    expect(addressesOn('<p>FinCar is based in Sydney.</p>', 'http://www.fincar.com.au/')[0]).toMatchObject({ source: 'text', confidence: 0.5 });
    expect(values('<p>Sitz der Gesellschaft: München · Registergericht: Amtsgericht München HRB 123456</p>', 'https://www.muster.de/')[0]).toMatchObject({ city: 'München', country: 'DE' });
    expect(values('<p>Registered office: London, United Kingdom</p>', 'https://www.harrowfinch.co.uk/')[0]).toMatchObject({ city: 'London' });
    // With a postal code the seat line is a postal address, read once (not also as a city alone).
    expect(values('<p>Sitz: 80331 München</p>', 'https://www.muster.de/').map((a) => [a.city, a.postalCode])).toEqual([['München', '80331']]);
  });

  it('leaves out other people\'s cities, regions that are not cities, and pages that give a postal address', () => {
    expect(values('<p>We serve customers based in London and Paris.</p>', 'https://acme-tools.com/')).toEqual([]);
    expect(values('<p>Our partner Globex is based in Berlin.</p>', 'https://acme-tools.com/')).toEqual([]);
    expect(values('<p>Acme is based in Silicon Valley.</p><p>Acme is based in Europe.</p>', 'https://acme.com/')).toEqual([]);
    expect(values('<p>我们的客户总部位于上海市。</p>', 'https://www.xinghe-tech.cn/')).toEqual([]);
    expect(values('<p>Acme is based in Springfield.</p><p>440 Hall of Fame Avenue<br>Springfield, MA 01105</p>', 'https://acme.com/').map((a) => a.street)).toEqual(['440 Hall of Fame Avenue']);
  });

  it('stays fast on long adversarial lines', () => {
    const lines = [
      'We are based in '.repeat(130),
      `Acme is based in ${'Aaaa '.repeat(400)}`,
      `${'(Acme. '.repeat(300)}is based in Sydney`,
      `总部位于${'公司位于'.repeat(400)}`,
    ];
    const started = performance.now();
    for (let run = 0; run < 5; run++) readHeadquartersCities(lines, 'acme');
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('Chinese addresses by 省/市/区', () => {
  it('reads an autonomous region, a labelled address with its postal code and a city without its province', () => {
    expect(values('<p>地址：广西壮族自治区南宁市青秀区民族大道100号</p>', 'https://www.nanning-example.cn/')[0]).toMatchObject({ region: '广西壮族自治区', city: '南宁市', street: '青秀区民族大道100号', country: 'CN' });
    expect(values('<p>联系地址：杭州市西湖区文三路90号 邮编：310012</p>', 'https://www.hz-example.cn/')[0]).toMatchObject({ city: '杭州市', street: '西湖区文三路90号', postalCode: '310012' });
  });

  it('reads Chinese addresses written in English, from the room to the country', () => {
    expect(values('<p>Add: Room 1201, Building A, No. 88 Jianguo Road, Chaoyang District, Beijing 100022, China</p>', 'https://www.sino-valve.com/')).toEqual([
      {
        street: 'Room 1201, Building A, No. 88 Jianguo Road, Chaoyang District',
        city: 'Beijing',
        region: 'Beijing',
        postalCode: '100022',
        country: 'CN',
        full: 'Room 1201, Building A, No. 88 Jianguo Road, Chaoyang District, Beijing 100022, China',
      },
    ]);
    expect(values('<p>Address: No. 8 Gaoxin South Road, Nanshan District, Shenzhen, Guangdong, China 518057 | Tel: +86 755 2688 1234</p>', 'https://www.sz-led.com/')[0]).toMatchObject({
      street: 'No. 8 Gaoxin South Road, Nanshan District',
      city: 'Shenzhen',
      region: 'Guangdong',
      postalCode: '518057',
    });
    expect(values('<p>Factory: Xinghu Street 328, Suzhou Industrial Park, Suzhou City 215123, Jiangsu Province, P.R. China</p>', 'https://www.sz-pumps.com/')[0]).toMatchObject({ city: 'Suzhou', region: 'Jiangsu', postalCode: '215123' });
  });

  it('does not read "China" in a sentence or a list of cities as an address', () => {
    for (const trap of ['We shipped 100000 units to China in 2023.', 'Made in China', 'Offices in Beijing, Shanghai, China', 'Distributor: Acme Trading, Shenzhen, China']) {
      expect(values(`<p>${trap}</p>`, 'https://www.acme.com/'), trap).toEqual([]);
    }
    const started = performance.now();
    for (const line of [`${'Road, '.repeat(400)}China`, `Add: ${'Room 1, '.repeat(300)}Beijing 100022, China`, 'China '.repeat(500)]) readEnglishChineseAddress(line);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('leaves the country written before the province out of the region', () => {
    expect(values('<p>地址：中国广东省深圳市南山区科技园南区高新南一道008号</p>', 'https://www.xinghe-tech.cn/')[0]).toMatchObject({ region: '广东省', city: '深圳市', street: '南山区科技园南区高新南一道008号', full: '中国广东省深圳市南山区科技园南区高新南一道008号' });
    expect(values('<p>地址：中国·上海市浦东新区张江路88号</p>', 'https://www.example-sh.cn/')[0]).toMatchObject({ region: '上海市', city: '上海市', street: '浦东新区张江路88号' });
  });

  it('does not read a label without an address, or a region\'s name in a sentence', () => {
    expect(values('<p>地址：请见下方地图</p><p>北京地区联合辟谣平台</p>', 'https://www.example-bj.cn/')).toEqual([]);
  });
});
