import { extractCompany } from '@/lib/capture';
import { PageCapture } from '@/lib/schema';
import { parsePage } from '../../helpers/corpus';

const page = (head: string, body: string) => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('the extractor on odd and hostile pages', () => {
  it('reads the company from JSON-LD inside @graph, and its legal name', () => {
    const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Site' }, { '@type': ['Corporation'], name: 'Acme', legalName: 'Acme Robotics Inc.', email: 'mailto:hello@acme.io' }] });
    const capture = extractCompany(page(`<script type="application/ld+json">${jsonLd}</script>`, ''), 'https://www.acme.io/');
    expect(capture.fields.name).toMatchObject({ value: 'Acme', source: 'json-ld' });
    expect(capture.fields.legalName?.value).toBe('Acme Robotics Inc.');
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['hello@acme.io']);
  });

  it('skips broken and hostile JSON-LD with a warning and still reads the rest of the page', () => {
    const broken = '<script type="application/ld+json">{"@type": "Organization", name: oops}</script>';
    const proto = `<script type="application/ld+json">${JSON.stringify({ __proto__: { polluted: true }, '@type': 'Organization', name: 'Proto Co' }).replace('{', '{"__proto__":{"polluted":true},')}</script>`;
    const huge = `<script type="application/ld+json">${JSON.stringify(Array.from({ length: 10_000 }, (_, i) => ({ '@type': 'Thing', name: `n${i}` })))}</script>`;
    const capture = extractCompany(page(broken + proto + huge + '<meta property="og:site_name" content="Real Co">', ''), 'https://real.co/');
    expect(capture.warnings.join(' ')).toMatch(/not valid JSON/);
    expect(capture.warnings.join(' ')).toMatch(/too many entries/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(capture.fields.name?.value).toBe('Proto Co');
  });

  it('returns an empty capture with a note for a page with no usable data', () => {
    const capture = extractCompany(page('', ''), 'http://127.0.0.1:8080/blank');
    expect(capture.domain).toBeNull();
    expect(capture.fields.name).toBeUndefined();
    expect(capture.warnings).toContain('No company name or domain found on this page.');
  });

  it('ignores placeholder numbers, example addresses and image names that look like emails', () => {
    const capture = extractCompany(
      page('', '<p>Call 123-456-7890 or 999-999-9999</p><p>you@example.com logo@2x.png</p><img src="x" alt="icon@3x.webp"><p>Sales: +1 (415) 555-2671 sales@acme.io</p>'),
      'https://acme.io/',
    );
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+1 415 555 2671']);
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['sales@acme.io']);
  });

  it('reads Chinese contact lines', () => {
    const capture = extractCompany(
      page('<title>首页 - 深圳市星河科技有限公司</title>', '<p>服务热线：400-888-9999</p><p>电话：0755-26881234</p><p>邮箱：sales@xinghe-tech.cn</p><p>版权所有 © 2024 深圳市星河科技有限公司 粤ICP备12345678号</p>'),
      'https://www.xinghe-tech.cn/',
    );
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+86 400 888 9999', '+86 755 2688 1234']);
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['sales@xinghe-tech.cn']);
    expect(capture.fields.legalName?.value).toBe('深圳市星河科技有限公司');
  });

  it('stops reading a 10 MB page at its budget and says so', () => {
    const filler = `<p>${'Lorem ipsum dolor sit amet. '.repeat(40)}</p>`.repeat(10_000);
    const capture = extractCompany(page('<title>Big Co</title>', `${filler}<p>late@big.co</p>`), 'https://big.co/');
    expect(PageCapture.safeParse(capture).success).toBe(true);
    expect(capture.warnings).toContain('The page is very large; only its first part was read.');
    expect(capture.fields.name?.value).toBe('Big Co');
  });

  it('survives a very deeply nested page', () => {
    const depth = 20_000;
    const capture = extractCompany(page('<title>Deep Co</title>', `${'<div>'.repeat(depth)}hi@deep.co${'</div>'.repeat(depth)}`), 'https://deep.co/');
    expect(capture.fields.name?.value).toBe('Deep Co');
  });
});
