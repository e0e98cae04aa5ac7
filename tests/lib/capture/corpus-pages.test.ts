import { extractCompany } from '@/lib/capture';
import { PageCapture } from '@/lib/schema';
import { corpusAvailable, parsePage, readCorpusPage, corpusPageUrls } from '../../helpers/corpus';

/** Expected values checked by reading each page (../shared/corpus/pages, URLs from SOURCES.md). */
const EXPECTED: Record<string, { domain: string; name: string; phones?: string[]; emails?: string[] }> = {
  'webstruct-business-12.html': { domain: 'fincar.com.au', name: 'FinCar', phones: ['+61 1300 346 227'] },
  'webstruct-business-14.html': { domain: 'fincar.com.au', name: 'FinCar' },
  'webstruct-business-23.html': { domain: 'peacearchbusinesscenter.com', name: 'Peace Arch Business Center', emails: ['info@peacearchbusinesscenter.com'] },
  'webstruct-business-30.html': { domain: 'firstcal.net', name: 'First California Mortgage', emails: ['info@firstcal.net'] },
  'webstruct-business-36.html': { domain: 'callows.com', name: 'Callows Audio' },
  'webstruct-business-48.html': { domain: 'caltronind.com', name: 'Caltron Industries', emails: ['sales@caltronind.com'] },
  'webstruct-business-57.html': { domain: 'barcodegiant.com', name: 'Barcode Giant', emails: ['customerservice@barcodegiant.com'] },
  'top1000-www.adobe.com.html': { domain: 'adobe.com', name: 'Adobe' },
  'top1000-www.alibaba.com.html': { domain: 'alibaba.com', name: 'Alibaba' },
  'top1000-www.intel.com.html': { domain: 'intel.com', name: 'Intel' },
  'top1000-www.95599.cn.html': { domain: '95599.cn', name: '中国农业银行', phones: ['+86 400 669 5599'] },
  'top1000-www.autohome.com.cn.html': { domain: 'autohome.com.cn', name: '汽车之家' },
  'top1000-www.163.com.html': { domain: '163.com', name: '网易' },
};

describe.runIf(corpusAvailable)('first extractor on real saved company pages', () => {
  const urls = corpusAvailable ? corpusPageUrls() : {};

  it.each(Object.entries(EXPECTED))('%s: company name, domain and contacts', (file, expected) => {
    const capture = extractCompany(parsePage(readCorpusPage(file)), urls[file]!);
    expect(PageCapture.parse(capture)).toEqual(capture);
    expect(capture.domain).toBe(expected.domain);
    expect(capture.fields.name?.value).toBe(expected.name);
    if (expected.phones) expect(capture.fields.phones.map((p) => p.value)).toEqual(expect.arrayContaining(expected.phones));
    if (expected.emails) expect(capture.fields.emails.map((e) => e.value)).toEqual(expected.emails);
  });

  it('reads every corpus page into a valid capture with the right registrable domain', () => {
    for (const [file, url] of Object.entries(urls)) {
      const capture = extractCompany(parsePage(readCorpusPage(file)), url);
      expect(capture.domain, file).toBe(new URL(url).hostname.replace(/^www\./, ''));
      expect(capture.fields.name, file).toBeDefined();
    }
  });
});
