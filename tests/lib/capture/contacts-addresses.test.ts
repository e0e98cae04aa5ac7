import { extractCompany } from '@/lib/capture';
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

  it('skips the web designer\'s address and a region and postal code alone', () => {
    expect(values('<p>技术支持：星辰网络 地址：广东省深圳市福田区深南大道1号</p>', 'https://www.xinghe-tech.cn/')).toEqual([]);
    expect(values('<p>baliseauto.com MA 01089</p><p>Welcome</p>', 'http://www.baliseauto.com/')).toEqual([]);
  });
});
