import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompanyCapture } from '@/lib/schema';
import { runExtract } from '../../scripts/extract';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sidecar-extract-bad-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function extractFile(content: string | Uint8Array, url: string) {
  const file = join(scratch, `page-${Math.random().toString(36).slice(2)}.html`);
  await writeFile(file, content);
  return runExtract([file, '--url', url]);
}

function captureOf(result: { code: number; stdout: string; stderr: string }): CompanyCapture {
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return CompanyCapture.parse(JSON.parse(result.stdout));
}

describe('the extract command on pages in an encoding they do not declare', () => {
  it('reads a GBK page without a charset: name, contacts, contact person, address and registry line', async () => {
    const capture = captureOf(await runExtract([join(FIXTURES, 'gbk-no-charset.html'), '--url', 'https://www.tengfei-tech.com/contact']));
    expect(capture.fields.legalName?.value).toBe('深圳市腾飞科技有限公司');
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['sales@tengfei-tech.com']);
    expect(capture.fields.phones.map((p) => [p.value, p.kind])).toEqual([
      ['+86 755 2678 1234', 'phone'],
      ['+86 755 2678 5678', 'fax'],
      ['+86 138 1234 5678', 'mobile'],
    ]);
    expect(capture.fields.people?.map((p) => p.name.value)).toEqual(['张经理']);
    expect(capture.fields.addresses?.[0]?.value).toMatchObject({ region: '广东省', city: '深圳市' });
    expect(capture.fields.icpLicense?.value).toBe('粤ICP备12345678号');
    expect(capture.fields.foundingYear?.value).toBe(2005);
  });

  it('reads a windows-1252 page without a charset, accents and curly quotes intact', async () => {
    const capture = captureOf(await runExtract([join(FIXTURES, 'windows-1252-no-charset.html'), '--url', 'https://www.cafe-societe.ch/contact']));
    expect(capture.title).toBe('Café Société Roasters \u2013 Contact');
    expect(capture.fields.legalName?.value).toBe('Café Société Roasters AG');
    expect(capture.fields.description?.value).toMatch(/^We\u2019ve roasted coffee in Zürich/);
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+41 44 668 18 00']);
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['hello@cafe-societe.ch']);
  });
});

describe('the extract command on bad input', () => {
  it('refuses a file of white space with a clear message and nothing on stdout', async () => {
    expect(await extractFile(' \n\t ', 'https://acme.io/')).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/cannot read .*: the file holds only white space\n$/) });
  });

  it('reads a saved fragment without an <html> element, and a file of plain text, as a browser would', async () => {
    const fragment = captureOf(await extractFile('<title>Fragco</title><p>Write to sales@fragco.com</p>', 'https://fragco.com/'));
    expect(fragment.fields.name?.value).toBe('Fragco');
    expect(fragment.fields.emails.map((e) => e.value)).toEqual(['sales@fragco.com']);
    const text = captureOf(await extractFile('Acme Widgets. Call +1 415 555 2671', 'https://acmewidgets.com/'));
    expect(text.fields.phones.map((p) => p.value)).toEqual(['+1 415 555 2671']);
  });

  it('reads an empty document as a capture of the address alone', async () => {
    const capture = captureOf(await extractFile('<!-- nothing here -->', 'https://acme.io/'));
    expect(capture).toMatchObject({ domain: 'acme.io', fields: { emails: [], phones: [] } });
    expect(capture.fields.name).toBeUndefined();
  });

  it('reads a 10 MB page within seconds, footer contacts included, with a warning', async () => {
    const rows = Array.from({ length: 75_000 }, (_, i) => `<div class="row"><p>Item ${i} of our catalogue with a long description of widgets and gadgets for sale</p><a href="/p/${i}">more</a></div>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>Acme Widgets Inc.</title></head><body>${rows}<footer>Call us: +1 415-555-2671 · sales@acmewidgets.com</footer></body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const started = performance.now();
    const capture = captureOf(await extractFile(html, 'https://www.acmewidgets.com/catalogue'));
    // Parsing 10 MB with linkedom is most of this; the extractor itself stops at its budgets.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(capture.fields.legalName?.value).toBe('Acme Widgets Inc.');
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['sales@acmewidgets.com']);
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+1 415 555 2671']);
    expect(capture.warnings.join(' ')).toMatch(/very large/);
  }, 60_000);

  it('reads hostile JSON-LD (__proto__ keys, wrong types, deep nesting, invalid blocks) without polluting objects', async () => {
    let nested = '{"@type":"Organization","name":"N"';
    for (let i = 0; i < 3_000; i++) nested += `,"subOrganization":{"@type":"Organization","name":"N${i}"`;
    nested += '}'.repeat(3_001);
    const own = '{"__proto__":{"polluted":"yes","name":"Evil"},"@type":["Organization",{"x":1},42],"name":"Proto Inc","url":"https://protoinc.io/","telephone":[null,{},[],"+1 415 555 2671"],"email":12345,"logo":"javascript:alert(1)","address":{"@type":"PostalAddress","__proto__":{"x":1},"streetAddress":"1 Main St","addressLocality":"Springfield","addressCountry":"US"}}';
    const scripts = [own, nested, '{"@type": "Organization", "name": ', '"just a string"', 'null', `${'['.repeat(5_000)}${']'.repeat(5_000)}`]
      .map((block) => `<script type="application/ld+json">${block}</script>`)
      .join('');
    const capture = captureOf(await extractFile(`<html><head><title>Proto Inc</title>${scripts}</head><body><p>Proto Inc</p></body></html>`, 'https://protoinc.io/'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(capture.fields.legalName?.value).toBe('Proto Inc');
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+1 415 555 2671']);
    expect(capture.fields.logo).toBeUndefined();
    expect(capture.fields.addresses?.[0]?.value).toMatchObject({ street: '1 Main St', city: 'Springfield' });
    expect(capture.warnings).toContain('Skipped a structured-data (JSON-LD) block that is not valid JSON.');
  });
});
