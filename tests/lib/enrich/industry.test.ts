import { extractCompany } from '@/lib/capture';
import { classifyIndustry } from '@/lib/enrich';
import { PageCapture } from '@/lib/schema';
import { corpusAvailable, parsePage, readCorpusPage, corpusPageUrls } from '../../helpers/corpus';
import { makeCapture } from '../../helpers/make-capture';

const capture = (name: string, description: string, title = '') =>
  PageCapture.parse({
    ...makeCapture({ name }),
    title,
    fields: { ...makeCapture({ name }).fields, description: { value: description, source: 'meta', snippet: description, confidence: 0.8 } },
  });

describe('industry from the page', () => {
  it('reads English and Chinese keywords, weighted by where they appear', () => {
    expect(classifyIndustry(capture('First California Mortgage', 'Flexible loan programs, online home loans, mortgage refinancing'))?.value).toBe('finance');
    expect(classifyIndustry(capture('深圳市华瑞电子科技有限公司', '专业从事集成电路与传感器的研发'))?.value).toBe('electronics');
    expect(classifyIndustry(capture('汽车之家', '最新汽车报价，汽车图片，汽车价格大全'))?.value).toBe('automotive');
  });

  it('names the evidence it went by', () => {
    const suggestion = classifyIndustry(capture('FinCar', 'Car Loans, Novated Leases, Vehicle Leasing at Australia’s leading automotive finance company.'));
    expect(suggestion).toMatchObject({ field: 'industry', value: 'finance', provider: 'industry', evidence: { basis: 'description' } });
    expect(suggestion!.evidence.snippet).toMatch(/car loans/);
  });

  it('takes a schema.org type in the structured data over words', () => {
    const page = PageCapture.parse({
      ...makeCapture({ name: 'Northwind' }),
      fields: {
        ...makeCapture({ name: 'Northwind' }).fields,
        name: { value: 'Northwind', source: 'json-ld', snippet: '{"@type":"BankOrCreditUnion","name":"Northwind"}', confidence: 0.95 },
        description: { value: 'Software for robots and factory automation.', source: 'meta', snippet: '', confidence: 0.8 },
      },
    });
    expect(classifyIndustry(page)).toMatchObject({ value: 'finance', evidence: { basis: 'schemaType', snippet: 'BankOrCreditUnion' } });
  });

  it('does not mistake words that merely contain a keyword', () => {
    expect(classifyIndustry(capture('联系我们', '请发送电子邮件或电子商务咨询')))?.not.toMatchObject({ value: 'electronics' });
    expect(classifyIndustry(capture('Acme', 'We care about our customers')))?.toBeNull();
  });

  it('is less sure when two industries are close', () => {
    const clear = classifyIndustry(capture('Acme Bank', 'Banking, loans, mortgages and payments'))!;
    const mixed = classifyIndustry(capture('Acme', 'Car loans and new cars, vehicles and automotive finance'))!;
    expect(mixed.confidence).toBeLessThan(clear.confidence);
  });
});

/** Industries checked by reading each page (../shared/corpus/pages). */
const EXPECTED: Record<string, string> = {
  'webstruct-business-7.html': 'automotive', // Balise Auto Group, car dealerships
  'webstruct-business-13.html': 'finance', // FinCar, car finance
  'webstruct-business-23.html': 'real_estate', // Peace Arch Business Center, virtual offices
  'webstruct-business-30.html': 'finance', // First California Mortgage
  'webstruct-business-48.html': 'electronics', // Caltron, industrial displays
  'webstruct-business-51.html': 'electronics', // ioSafe, hard drives and NAS
  'top1000-www.alibaba.com.html': 'trade',
  'top1000-www.95599.cn.html': 'finance', // 中国农业银行
  'top1000-www.boc.cn.html': 'finance', // 中国银行
  'top1000-www.autohome.com.cn.html': 'automotive',
  'top1000-www.163.com.html': 'internet',
};

describe.runIf(corpusAvailable)('industry of real saved company pages', () => {
  const urls = corpusAvailable ? corpusPageUrls() : {};
  it.each(Object.entries(EXPECTED))('%s is %s', (file, industry) => {
    const suggestion = classifyIndustry(extractCompany(parsePage(readCorpusPage(file)), urls[file]!));
    expect(suggestion?.value).toBe(industry);
  });
});
