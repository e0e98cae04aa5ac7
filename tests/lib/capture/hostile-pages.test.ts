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

  it('reads the site itself at the start of a 10,000-entry JSON-LD block and cuts the rest with a warning', () => {
    const others = Array.from({ length: 10_000 }, (_, i) => ({ '@type': 'Organization', name: `Dealer ${i}`, telephone: `+1 415 555 ${String(1000 + (i % 9000))}`, email: `d${i}@dealer${i}.com` }));
    const graph = [{ '@type': 'Organization', name: 'Big Graph Ltd', url: 'https://biggraph.co.uk/', telephone: '+44 20 7946 0018' }, ...others];
    const block = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>`;
    expect(block.length).toBeGreaterThan(1_000_000);
    const capture = extractCompany(page(block, ''), 'https://www.biggraph.co.uk/');
    expect(capture.fields.name?.value).toBe('Big Graph');
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+44 20 7946 0018']);
    expect(capture.fields.emails).toEqual([]);
    expect(capture.warnings).toContain('Stopped reading a structured-data block with too many entries.');
  });

  it('does not take the contacts of partners and clients that the JSON-LD lists beside the company', () => {
    const graph = [
      { '@type': 'WebPage', name: 'Our partners' },
      { '@type': 'Corporation', name: 'Northwind', url: 'https://www.northwind.io/', email: 'hello@northwind.io', telephone: '+1 617 555 0134' },
      { '@type': 'Organization', name: 'Contoso', url: 'https://contoso.com/', email: 'sales@contoso.com', telephone: '+1 206 555 0100' },
      { '@type': 'LocalBusiness', name: 'Fabrikam', email: 'info@fabrikam.net', telephone: '+1 312 555 0199' },
    ];
    const capture = extractCompany(page(`<script type="application/ld+json">${JSON.stringify({ '@graph': graph })}</script>`, ''), 'https://northwind.io/partners');
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['hello@northwind.io']);
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+1 617 555 0134']);
  });

  it('reads the contacts of a JSON-LD block that a CMS wrapped in an HTML comment, as it reads its name', () => {
    const block = `<script type="application/ld+json"><!--${JSON.stringify({ '@type': 'Organization', name: 'Commented Co', telephone: '+1 617 555 0134' })}--></script>`;
    const capture = extractCompany(page(block, ''), 'https://commented.co/');
    expect(capture.fields.name?.value).toBe('Commented Co');
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+1 617 555 0134']);
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

  it('reads a 10 MB page from its start and its end, so the contacts in its footer are not lost, and says so', () => {
    const filler = `<p>${'Lorem ipsum dolor sit amet. '.repeat(40)}</p>`.repeat(10_000);
    const footer = '<footer><p>Big Co Ltd, 1 Long Road, Leeds LS1 4AP</p><p>Call +44 113 496 0000 or write to late@big.co</p></footer>';
    const capture = extractCompany(page('<title>Big Co</title>', `${filler}${footer}`), 'https://big.co/');
    expect(PageCapture.safeParse(capture).success).toBe(true);
    expect(capture.warnings).toContain('The page is very large; only its beginning and its end (where the footer is) were read.');
    expect(capture.fields.name?.value).toBe('Big Co');
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['late@big.co']);
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+44 113 496 0000']);
  });

  it('returns a capture of the address alone, with a warning, for a document without any element', () => {
    const empty = parsePage('');
    expect(empty.documentElement).toBeNull();
    const capture = extractCompany(empty, 'https://www.acme.io/contact');
    expect(capture).toMatchObject({ url: 'https://www.acme.io/contact', domain: 'acme.io', fields: { emails: [], phones: [] } });
    expect(capture.warnings).toEqual(['This page is empty: there is nothing to read on it.']);
  });

  it('reads a page that leaves out its optional <head> and <body> tags', () => {
    const capture = extractCompany(parsePage('<html><title>Fragco</title><p>Write to sales@fragco.com</p></html>'), 'https://fragco.com/');
    expect(capture.fields.name?.value).toBe('Fragco');
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['sales@fragco.com']);
  });

  it('survives a very deeply nested page', () => {
    const depth = 20_000;
    const capture = extractCompany(page('<title>Deep Co</title>', `${'<div>'.repeat(depth)}hi@deep.co${'</div>'.repeat(depth)}`), 'https://deep.co/');
    expect(capture.fields.name?.value).toBe('Deep Co');
  });
});
