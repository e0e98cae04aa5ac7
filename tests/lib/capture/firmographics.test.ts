import { extractCompany } from '@/lib/capture';
import { readFirmographics } from '@/lib/capture/firmographics';
import { parsePage } from '../../helpers/corpus';

const read = (text: string) => readFirmographics(text, undefined);

describe('founding year', () => {
  it.each([
    ['Acme was founded in 1998 by two engineers.', 1998],
    ['Established 1921', 1921],
    ['Family owned. Est. 1954', 1954],
    ['Founded: March 2011', 2011],
    ['Since 1977, First California Mortgage has been helping buyers.', 1977],
    ['Proudly serving Ohio since 1962.', 1962],
    ['We have been automating warehouses since 2009.', 2009],
    ['Northwind builds and installs conveyor systems, designing custom lines since 1994.', 1994],
    ['公司成立于2005年，总部位于深圳。', 2005],
    ['本公司2008年3月成立，是一家高新技术企业。', 2008],
    ['成立时间：2012-06-01', 2012],
  ])('reads "%s" as %i', (text, year) => {
    expect(read(text).foundingYear?.value).toBe(year);
  });

  it('ignores copyright years, "since" inside a sentence about something else, and years to come', () => {
    expect(read('© 1999 - 2021 GoDaddy Operating Company').foundingYear).toBeUndefined();
    expect(read('Prices rose at the fastest pace since 2008.').foundingYear).toBeUndefined();
    expect(read('Globex has been a loyal customer since 2010.').foundingYear).toBeUndefined();
    expect(read('Founded in 2999 by time travellers.').foundingYear).toBeUndefined();
  });
});

describe('employees', () => {
  it.each([
    ['We are 500+ employees worldwide.', { min: 500, max: null }],
    ['Company size: 51-200 employees', { min: 51, max: 200 }],
    ['a team of over 2,000 staff', { min: 2000, max: null }],
    ['Acme employs 350 people in three countries.', { min: 350, max: 350 }],
    ['10k+ employees', { min: 10000, max: null }],
    ['现有员工2000余人', { min: 2000, max: null }],
    ['员工总数：约1200人', { min: 1200, max: 1200 }],
    ['公司拥有1.2万名员工', { min: 12000, max: 12000 }],
    ['300多名员工', { min: 300, max: null }],
  ])('reads "%s"', (text, count) => {
    expect(read(text).employees?.value).toMatchObject(count);
  });

  it('ignores percentages and headlines without a headcount', () => {
    expect(read('76%员工主动报名在家办公').employees).toBeUndefined();
    expect(read('50% of employees work remotely').employees).toBeUndefined();
    expect(read('阿里女员工被侵犯事件进展').employees).toBeUndefined();
  });
});

describe('revenue and registered capital', () => {
  it('reads registered capital in 万元 and 亿元 as CNY, and 万美元 as USD', () => {
    expect(read('注册资本5000万元').registeredCapital?.value).toEqual({ amount: 50_000_000, currency: 'CNY', text: '注册资本5000万元' });
    expect(read('注册资金：人民币1.5亿元').registeredCapital?.value).toMatchObject({ amount: 150_000_000, currency: 'CNY' });
    expect(read('注册资本 300万美元').registeredCapital?.value).toMatchObject({ amount: 3_000_000, currency: 'USD' });
    expect(read('registered capital of RMB 50 million').registeredCapital?.value).toMatchObject({ amount: 50_000_000, currency: 'CNY' });
  });

  it('reads annual revenue, and not a shop price', () => {
    expect(read('Annual revenue of $2.3 billion in 2023.').revenue?.value).toMatchObject({ amount: 2_300_000_000, currency: 'USD' });
    expect(read('with sales of over €40 million').revenue?.value).toMatchObject({ amount: 40_000_000, currency: 'EUR' });
    expect(read('2023年营业额超过5亿元').revenue?.value).toMatchObject({ amount: 500_000_000, currency: 'CNY' });
    expect(read('Free shipping on sales of $50 or more').revenue).toBeUndefined();
  });
});

describe('firmographics on a page', () => {
  it('prefer structured data and keep the page text as evidence otherwise', () => {
    const ld = JSON.stringify({ '@type': 'Organization', name: 'Acme', foundingDate: '1998', numberOfEmployees: '1000' });
    const doc = parsePage(
      `<html><head><script type="application/ld+json">${ld}</script></head>
       <body><p>Founded in 1999 as a garage shop.</p><p>Annual revenue of US$12 million.</p></body></html>`,
    );
    const { fields } = extractCompany(doc, 'https://acme.com/');
    expect(fields.foundingYear).toMatchObject({ value: 1998, source: 'json-ld' });
    expect(fields.employees).toMatchObject({ value: { min: 1000, max: 1000 }, source: 'json-ld' });
    expect(fields.revenue).toMatchObject({ value: { amount: 12_000_000, currency: 'USD' }, source: 'text' });
    expect(fields.revenue?.snippet).toContain('Annual revenue of US$12 million');
  });
});

describe('firmographics on hostile text', () => {
  it('reads a line of 200,000 digits followed by Chinese text in one pass, not one per digit', () => {
    const capture = extractCompany(parsePage(`<p>${'0'.repeat(200_000)} 地址：员工 名员工 注册资本 年营业额</p>`), 'https://x.cn/');
    // Bounded number patterns keep this linear; unbounded ones took minutes on a 2 MB line.
    expect(capture.fields.employees).toBeUndefined();
    expect(capture.fields.registeredCapital).toBeUndefined();
  });
});
