import { extractCompany } from '@/lib/capture';
import { PageCapture, type CompanyCapture } from '@/lib/schema';
import { corpusAvailable, parsePage, readCorpusPage, corpusPageUrls } from '../../helpers/corpus';

interface Expected {
  domain: string;
  /** What a rep would write down; the first is the preferred form, the others are also right. */
  names: string[];
  legalName?: string;
  /** Every profile of the company on the page, as "network handle" (lower case), found by reading the page. */
  social: string[];
  foundingYear?: number;
  icp?: string;
}

/**
 * Expected values checked by reading each plain page in ../shared/corpus/pages (URLs from SOURCES.md).
 * Social lists hold the company's own profiles only: Caltron's LinkedIn *group* and Balise's local
 * "/facebook.htm" page are not company profiles, and GoDaddy lists its global and its UK accounts.
 */
const EXPECTED: Record<string, Expected> = {
  'top1000-www.163.com.html': { domain: '163.com', names: ['网易', '网易公司'], legalName: '广州网易计算机系统有限公司', social: [] },
  'top1000-www.95599.cn.html': { domain: '95599.cn', names: ['中国农业银行'], social: ['wechat 中国农业银行微银行'], icp: '京ICP备05049539' },
  'top1000-www.adobe.com.html': {
    domain: 'adobe.com',
    names: ['Adobe'],
    legalName: 'Adobe Systems Incorporated',
    social: ['facebook adobe', 'x adobe', 'linkedin adobe', 'instagram adobe'],
  },
  'top1000-www.alibaba.com.html': {
    domain: 'alibaba.com',
    names: ['Alibaba', 'Alibaba.com'],
    social: ['facebook alibaba.comglobal', 'x alibabab2b', 'youtube teamalibaba', 'linkedin alibaba-com'],
  },
  'top1000-www.autohome.com.cn.html': { domain: 'autohome.com.cn', names: ['汽车之家'], social: ['weibo qichezhijia'], icp: '京ICP备09113703号-1' },
  'top1000-www.boc.cn.html': { domain: 'boc.cn', names: ['中国银行', 'Bank of China'], legalName: '中国银行股份有限公司', social: [], icp: '京ICP备10052455号-1' },
  'top1000-www.godaddy.com.html': {
    domain: 'godaddy.com',
    names: ['GoDaddy'],
    legalName: 'GoDaddy Operating Company, LLC',
    social: [
      'facebook godaddy', 'x godaddy', 'linkedin godaddy', 'youtube godaddy', 'instagram godaddy',
      'facebook uk.godaddy', 'instagram godaddyuk', 'x godaddyuk', 'youtube ucmomjgz67wrrjs93zwx3ksw',
    ],
  },
  'top1000-www.ibm.com.html': { domain: 'ibm.com', names: ['IBM'], legalName: 'IBM Corporation', social: [] },
  'top1000-www.intel.com.html': {
    domain: 'intel.com',
    names: ['Intel'],
    legalName: 'Intel Corporation',
    social: ['facebook inteluk', 'x inteluk', 'linkedin intel-corporation', 'youtube channelintel', 'instagram inteluk'],
  },
  'webstruct-business-7.html': { domain: 'baliseauto.com', names: ['Balise Auto Group'], social: ['x baliseautogroup', 'youtube baliseauto'] },
  'webstruct-business-8.html': { domain: 'baliseauto.com', names: ['Balise Auto Group', 'Balise'], social: ['x baliseautogroup', 'youtube baliseauto'] },
  'webstruct-business-12.html': { domain: 'fincar.com.au', names: ['FinCar'], legalName: 'FinCar Pty Ltd', social: [] },
  'webstruct-business-13.html': { domain: 'fincar.com.au', names: ['FinCar'], legalName: 'FinCar Pty Ltd', social: [] },
  'webstruct-business-14.html': { domain: 'fincar.com.au', names: ['FinCar'], legalName: 'FinCar Pty Ltd', social: [] },
  'webstruct-business-22.html': { domain: 'peacearchbusinesscenter.com', names: ['Peace Arch Business Center'], social: [] },
  'webstruct-business-23.html': { domain: 'peacearchbusinesscenter.com', names: ['Peace Arch Business Center'], social: [] },
  'webstruct-business-30.html': {
    domain: 'firstcal.net',
    names: ['First California Mortgage', 'First California Mortgage Company'],
    social: ['facebook firstcal', 'x firstcal', 'linkedin 74087'],
    foundingYear: 1977,
  },
  'webstruct-business-31.html': { domain: 'firstcal.net', names: ['First California Mortgage', 'First California Mortgage Company'], social: ['facebook firstcal', 'x firstcal', 'linkedin 74087'] },
  'webstruct-business-36.html': { domain: 'callows.com', names: ['Callows Audio'], social: [] },
  'webstruct-business-37.html': { domain: 'callows.com', names: ['Callows Audio'], social: [] },
  'webstruct-business-48.html': {
    domain: 'caltronind.com',
    names: ['Caltron Industries', 'Caltron'],
    legalName: 'Caltron Industries, Inc.',
    social: ['facebook caltron-industries-inc', 'x caltronnews', 'youtube caltron1'],
    foundingYear: 1997,
  },
  'webstruct-business-49.html': {
    domain: 'caltronind.com',
    names: ['Caltron Industries', 'Caltron'],
    legalName: 'Caltron Industries, Inc.',
    social: ['facebook caltron-industries-inc', 'x caltronnews', 'youtube caltron1'],
  },
  'webstruct-business-51.html': { domain: 'iosafe.com', names: ['ioSafe'], social: [] },
  'webstruct-business-52.html': { domain: 'iosafe.com', names: ['ioSafe'], social: [], foundingYear: 2005 },
  'webstruct-business-57.html': { domain: 'barcodegiant.com', names: ['Barcode Giant'], social: [] },
  'webstruct-business-58.html': { domain: 'barcodegiant.com', names: ['Barcode Giant'], social: [] },
};

const socialKeys = (capture: CompanyCapture) => capture.fields.social.map((s) => `${s.value.network} ${(s.value.handle ?? s.value.url ?? '').toLowerCase()}`);

describe.runIf(corpusAvailable)('company identity on the real saved pages', () => {
  const urls = corpusAvailable ? corpusPageUrls() : {};
  const captures = new Map<string, CompanyCapture>();
  const captureOf = (file: string) => {
    if (!captures.has(file)) captures.set(file, extractCompany(parsePage(readCorpusPage(file)), urls[file]!));
    return captures.get(file)!;
  };

  it('has an expectation for every plain page of the corpus', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(urls).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: domain, legal name, founding year and ICP line', (file, expected) => {
    const capture = captureOf(file);
    expect(PageCapture.parse(capture)).toEqual(capture);
    expect(capture.domain).toBe(expected.domain);
    expect(capture.fields.legalName?.value).toBe(expected.legalName);
    expect(capture.fields.foundingYear?.value).toBe(expected.foundingYear);
    expect(capture.fields.icpLicense?.value).toBe(expected.icp);
  });

  it('names the company right on at least 90% of the pages', () => {
    const wrong = Object.entries(EXPECTED)
      .map(([file, expected]) => ({ file, got: captureOf(file).fields.name?.value, expected: expected.names }))
      .filter(({ got, expected }) => !got || !expected.includes(got));
    const accuracy = 1 - wrong.length / Object.keys(EXPECTED).length;
    console.info(`Company name accuracy on ${Object.keys(EXPECTED).length} corpus pages: ${(accuracy * 100).toFixed(1)}%`, wrong.length ? wrong : '');
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('finds social profiles with precision of at least 0.95', () => {
    let found = 0;
    let right = 0;
    let expectedTotal = 0;
    const mistakes: string[] = [];
    for (const [file, expected] of Object.entries(EXPECTED)) {
      const got = socialKeys(captureOf(file));
      found += got.length;
      expectedTotal += expected.social.length;
      for (const key of got) {
        if (expected.social.includes(key)) right++;
        else mistakes.push(`${file}: ${key}`);
      }
    }
    const precision = found === 0 ? 1 : right / found;
    const recall = expectedTotal === 0 ? 1 : right / expectedTotal;
    console.info(`Social profiles: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${right} right of ${found} found, ${expectedTotal} expected)`, mistakes);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the WeChat account of a Chinese bank with both its name and its QR code', () => {
    expect(captureOf('top1000-www.95599.cn.html').fields.social[0]?.value).toEqual({
      network: 'wechat',
      handle: '中国农业银行微银行',
      url: 'http://www.95599.cn/images/index20200728_2.png',
    });
  });
});
