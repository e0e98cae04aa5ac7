import { extractCompany } from '@/lib/capture';
import { isCareersUrl, readJobPageSignals } from '@/lib/capture/job-posting';
import { parsePage } from '../../helpers/corpus';

const page = (body: string, head = '', lang = 'en') => parsePage(`<!doctype html><html lang="${lang}"><head><title>Acme Robotics</title>${head}</head><body>${body}</body></html>`);
const JOB_AD_EN = `<main><h1>Senior Backend Engineer</h1>
  <p>We are looking for a Senior Backend Engineer to join our platform team in Berlin and help us scale the systems that run thousands of warehouses.</p>
  <h2>Responsibilities</h2><ul><li>Design and build services</li><li>Own reliability</li></ul>
  <h2>Requirements:</h2><ul><li>5+ years of Go or Rust</li></ul>
  <p><a href="/apply">Apply now</a></p></main>`;
const JOB_AD_ZH = `<main><h1>高级销售经理</h1>
  <p>我们正在为华东区寻找一位有经验的高级销售经理，负责重点客户的开发与维护，并带领五人团队完成年度销售目标，向销售总监汇报工作。</p>
  <h2>岗位职责</h2><p>1. 开发华东区重点客户；2. 维护客户关系。</p>
  <h2>任职要求</h2><p>1. 本科及以上学历；2. 五年以上B2B销售经验。</p>
  <p>投递简历：hr@xinghe-tech.cn</p></main>`;
const ABOUT_EN = `<main><h1>About Acme Robotics</h1>
  <p>Acme Robotics builds autonomous picking robots for warehouses and has automated more than two hundred distribution centres across Europe and North America.</p>
  <p>Our engineers work from Berlin, Austin and Shenzhen.</p></main>`;

describe('a job ad is not the company\'s description', () => {
  it('leaves out an English job ad\'s text, with a warning, on a careers address', () => {
    const capture = extractCompany(page(JOB_AD_EN), 'https://www.acme-robotics.com/careers/senior-backend-engineer');
    expect(capture.fields.description).toBeUndefined();
    expect(capture.warnings).toContain("This page is a job ad: its text was not taken as the company's description.");
  });

  it('leaves out a Chinese job ad\'s text (岗位职责, 任职要求, 投递简历), even at an address that does not say careers', () => {
    const capture = extractCompany(page(JOB_AD_ZH, '', 'zh-CN'), 'https://www.xinghe-tech.cn/news/2024/0312.html');
    expect(capture.fields.description).toBeUndefined();
    expect(capture.warnings.some((w) => w.includes('job ad'))).toBe(true);
  });

  it('leaves out a job ad\'s text when its structured data is a JobPosting, whatever the wording', () => {
    const jobPosting = JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Warehouse Technician', hiringOrganization: { '@type': 'Organization', name: 'Acme Robotics' } });
    const body = '<main><p>In this role you will maintain a fleet of picking robots at our Leipzig site, working in shifts with a team of six technicians and two engineers.</p></main>';
    const capture = extractCompany(page(body, `<script type="application/ld+json">${jobPosting}</script>`), 'https://www.acme-robotics.com/open-roles/42');
    expect(capture.fields.description).toBeUndefined();
  });

  it('keeps the company\'s own page text, and marks it low-confidence on a careers page that is not a job ad', () => {
    const about = extractCompany(page(ABOUT_EN), 'https://www.acme-robotics.com/about');
    expect(about.fields.description).toMatchObject({ source: 'readability', confidence: 0.5 });
    expect(about.fields.description!.value).toMatch(/^Acme Robotics builds autonomous picking robots/);
    const lifeAt = extractCompany(page(ABOUT_EN), 'https://www.acme-robotics.com/careers');
    expect(lifeAt.fields.description).toMatchObject({ source: 'readability', confidence: 0.25 });
    expect(lifeAt.warnings.some((w) => w.includes('job ad'))).toBe(false);
  });

  it('keeps a page\'s metadata description on a job ad unless it reads as one', () => {
    const company = '<meta name="description" content="Acme Robotics builds autonomous picking robots for warehouses.">';
    expect(extractCompany(page(JOB_AD_EN, company), 'https://www.acme-robotics.com/careers/42').fields.description?.value).toBe(
      'Acme Robotics builds autonomous picking robots for warehouses.',
    );
    const jobAd = '<meta name="description" content="We are looking for a Senior Backend Engineer. Apply now!">';
    expect(extractCompany(page(JOB_AD_EN, jobAd), 'https://www.acme-robotics.com/careers/42').fields.description).toBeUndefined();
  });

  it('does not take one "we are hiring" on an ordinary page for a job ad', () => {
    const body = '<main><p>Acme Robotics builds autonomous picking robots for warehouses across Europe, and we are hiring engineers in Berlin and Austin this year.</p></main>';
    expect(extractCompany(page(body), 'https://www.acme-robotics.com/').fields.description?.confidence).toBe(0.5);
  });

  it('takes a careers title for a careers page ("人才招聘", "Stellenangebote"), with one job-ad phrase for a job ad', () => {
    const zh = (title: string) => parsePage(`<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><main><h1>销售工程师</h1><p>负责华东区工业客户的技术方案与销售，与研发团队一起为客户设计自动化产线，并参与大型项目的投标与交付工作，需要经常出差。</p><p>任职要求：本科以上学历</p></main></body></html>`);
    expect(extractCompany(zh('人才招聘 - 星河科技'), 'https://www.xinghe-tech.cn/show.asp?id=12').fields.description).toBeUndefined();
    expect(extractCompany(zh('产品中心 - 星河科技'), 'https://www.xinghe-tech.cn/show.asp?id=12').fields.description?.source).toBe('readability');
    expect(readJobPageSignals('https://www.muster.de/seite/12', [], '', 'Stellenangebote | Muster GmbH')).toMatchObject({ posting: false, careersPage: true });
  });

  it('tells careers addresses in several languages from others', () => {
    for (const url of ['https://acme.com/careers', 'https://acme.com/jobs/123-sales', 'https://www.muster.de/karriere/', 'https://www.xinghe.cn/zhaopin.html', 'https://jobs.acme.com/', 'https://www.acme.fr/offres-d-emploi/']) {
      expect(isCareersUrl(url), url).toBe(true);
    }
    for (const url of ['https://acme.com/', 'https://acme.com/about', 'https://acme.com/blog/positioning-your-product', 'not a url']) {
      expect(isCareersUrl(url), url).toBe(false);
    }
  });

  it('stays fast on long adversarial text', () => {
    const texts = [`requirements${' '.repeat(20_000)}x`, 'apply '.repeat(5_000), '岗位'.repeat(10_000), `${'(m/w/'.repeat(4_000)}`];
    const started = performance.now();
    for (const text of texts) readJobPageSignals(`https://acme.com/${'careers-'.repeat(200)}`, [], text);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('reads a JobPosting inside an @graph and ignores a hostile block', () => {
    expect(readJobPageSignals('https://acme.com/x', [{ '@graph': [{ '@type': 'Organization' }, { '@type': ['JobPosting'] }] }], '').posting).toBe(true);
    const hostile = JSON.parse('{"__proto__": {"@type": "JobPosting"}}');
    expect(readJobPageSignals('https://acme.com/x', [hostile], '').posting).toBe(false);
  });
});
