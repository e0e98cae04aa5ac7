import { employeeRangeOfBand, placeOfNationalNumber, sizeBandOfEmployees, sizeBandOfRevenue, suggestRegion, suggestRegisteredLocation, suggestSizeBand } from '@/lib/enrich';
import { PageCapture, type CaptureFields } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

const withFields = (fields: Partial<CaptureFields>, url = 'https://www.acme-robotics.com/') =>
  PageCapture.parse({ ...makeCapture({ url, domain: new URL(url).hostname.replace(/^www\./, '') }), fields: { ...makeCapture().fields, phones: [], ...fields } });
const evidence = <T>(value: T) => ({ value, source: 'text' as const, snippet: 'on the page', confidence: 1 });

describe('size band', () => {
  it('follows the EU SME thresholds, then large and enterprise', () => {
    expect([1, 9, 10, 49, 50, 249, 250, 999, 1000, 200_000].map(sizeBandOfEmployees)).toEqual([
      'micro', 'micro', 'small', 'small', 'medium', 'medium', 'large', 'large', 'enterprise', 'enterprise',
    ]);
    expect(sizeBandOfRevenue(5e6, 'EUR')).toBe('small');
    expect(sizeBandOfRevenue(300e6, 'CNY')).toBe('medium');
    expect(sizeBandOfRevenue(400e6, 'CNY')).toBe('large');
    expect(sizeBandOfRevenue(1e9, 'XYZ')).toBeNull();
    expect(employeeRangeOfBand('medium')).toEqual({ min: 50, max: 249 });
    expect(employeeRangeOfBand('enterprise')).toEqual({ min: 1000, max: null });
  });

  it('reads headcount first, then revenue, then registered capital, and says which', () => {
    const employees = evidence({ min: 200, max: 500, text: '200-500 employees' });
    const revenue = evidence({ amount: 3e9, currency: 'USD', text: 'US$3 billion revenue' });
    const capital = evidence({ amount: 50e6, currency: 'CNY', text: '注册资本5000万元' });
    expect(suggestSizeBand(withFields({ employees, revenue, registeredCapital: capital }))).toMatchObject({ value: 'medium', evidence: { basis: 'employees' } });
    expect(suggestSizeBand(withFields({ revenue, registeredCapital: capital }))).toMatchObject({ value: 'enterprise', evidence: { basis: 'revenue' } });
    const fromCapital = suggestSizeBand(withFields({ registeredCapital: capital }))!;
    expect(fromCapital).toMatchObject({ value: 'large', evidence: { basis: 'registeredCapital', snippet: '注册资本5000万元' } });
    expect(fromCapital.confidence).toBeLessThan(0.5);
    expect(suggestSizeBand(withFields({}))).toBeNull();
  });
});

describe('region', () => {
  it('knows Chinese area codes, big cities and the rest by province', () => {
    expect(placeOfNationalNumber('1066085566')).toEqual({ province: '北京', city: '北京' });
    expect(placeOfNationalNumber('75588886666')).toEqual({ province: '广东', city: '深圳' });
    expect(placeOfNationalNumber('57188886666')).toEqual({ province: '浙江', city: '杭州' });
    expect(placeOfNationalNumber('53588886666')).toEqual({ province: '山东', city: '烟台' });
    expect(placeOfNationalNumber('76388886666')).toEqual({ province: '广东', city: null });
    expect(placeOfNationalNumber('13800138000')).toBeNull();
    expect(placeOfNationalNumber('4006695599')).toBeNull();
  });

  it('comes from an address first, as the page writes it', () => {
    const address = evidence({ full: 'Lvl2 845 Pacific Hwy, Chatswood, NSW 2067, Australia', city: 'Chatswood', region: 'NSW', country: 'AU' });
    expect(suggestRegion(withFields({ addresses: [address] }))).toMatchObject({ value: 'NSW, AU', evidence: { basis: 'address' } });
    const chinese = evidence({ full: '广东省深圳市南山区科技园' });
    expect(suggestRegion(withFields({ addresses: [chinese] }))).toMatchObject({ value: '广东 深圳' });
  });

  it('then from the credit code, the Chinese area code, and last the country', () => {
    const creditCode = evidence('91440300MA5DC0LX3K');
    expect(suggestRegion(withFields({ creditCode }))).toMatchObject({ value: '广东 深圳', evidence: { basis: 'creditCode' } });
    expect(suggestRegisteredLocation(withFields({ creditCode }))).toMatchObject({ field: 'registeredLocation', value: '广东 深圳' });
    const phones = [
      { ...evidence('+86 10 6608 5566'), kind: 'phone' as const },
      { ...evidence('+86 10 6659 6688'), kind: 'fax' as const },
      { ...evidence('+86 138 0013 8000'), kind: 'mobile' as const },
    ];
    expect(suggestRegion(withFields({ phones }))).toMatchObject({ value: '北京', evidence: { basis: 'phoneAreaCode' } });
    expect(suggestRegion(withFields({ phones: [{ ...evidence('+61 2 9411 8032'), kind: 'phone' }] }))).toMatchObject({ value: 'AU' });
    expect(suggestRegion(withFields({}, 'https://www.acme.de/'))).toMatchObject({ value: 'DE', evidence: { basis: 'domain' } });
    expect(suggestRegion(withFields({}))).toBeNull();
  });
});
