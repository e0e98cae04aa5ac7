import { extractCompany } from '@/lib/capture';
import { extractContacts } from '@/lib/capture/contacts';
import { readPageText } from '@/lib/capture/page-text';
import { PageCapture } from '@/lib/schema';
import { parsePage } from '../../helpers/corpus';

const page = (body: string, head = '') => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

/** Runs a capture and checks it is valid and bounded in time (generous: CI machines are slow and shared). */
function timedCapture(body: string, url = 'https://www.acme-robotics.com/', head = '', limitMs = 4_000) {
  const doc = page(body, head);
  const started = performance.now();
  const capture = extractCompany(doc, url);
  const elapsed = performance.now() - started;
  expect(PageCapture.safeParse(capture).success).toBe(true);
  expect(elapsed).toBeLessThan(limitMs);
  return capture;
}

describe('reading contacts from hostile and broken pages', () => {
  it('returns empty contacts for an empty page', () => {
    const capture = timedCapture('');
    expect(capture.fields).toMatchObject({ emails: [], phones: [], people: [], addresses: [] });
  });

  it('stays fast on text built to make patterns backtrack', () => {
    const traps = [
      'a'.repeat(200_000) + '@',
      '@'.repeat(100_000),
      `x@${'a-'.repeat(50_000)}`,
      ' at '.repeat(20_000) + ' dot '.repeat(20_000),
      '[at]'.repeat(30_000),
      'name#'.repeat(30_000),
      '1-'.repeat(100_000),
      '(1) '.repeat(50_000),
      '0'.repeat(300_000),
      '地址：'.repeat(20_000),
      '联系人：'.repeat(20_000),
      'MA 01105 '.repeat(20_000),
      'Regards\nJohn Smith\nDirector\n'.repeat(5_000),
    ];
    for (const trap of traps) timedCapture(`<p>${trap}</p>`);
    // All of them in one 2 MB line, through the contact readers alone (the whole capture is covered above).
    const doc = page(`<p>${traps.join(' ')}</p>`);
    const started = performance.now();
    const contacts = extractContacts(doc, readPageText(doc.body).text, 'xinghe-tech.cn', 'zh-CN');
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(contacts.warnings).toEqual([]);
  });

  it('caps what it keeps from a page flooded with contacts', () => {
    const numbers = Array.from({ length: 3_000 }, (_, i) => `<p>Tel: (415) ${String(200 + (i % 700)).padStart(3, '0')}-${String(1000 + i).slice(-4)}</p>`).join('');
    const mails = Array.from({ length: 3_000 }, (_, i) => `<a href="mailto:person${i}@acme-robotics.com">x</a>`).join('');
    const tels = Array.from({ length: 3_000 }, (_, i) => `<a href="tel:+1415${String(2000000 + i)}">call</a>`).join('');
    const people = Array.from({ length: 500 }, (_, i) => `<h3>John Smith${String.fromCharCode(97 + (i % 26))}</h3><p>Sales Manager</p>`).join('');
    const capture = timedCapture(numbers + mails + tels + people, 'https://www.acme-robotics.com/', '', 8_000);
    expect(capture.fields.phones.length).toBeLessThanOrEqual(100);
    expect(capture.fields.emails.length).toBeLessThanOrEqual(50);
    expect(capture.fields.people.length).toBeLessThanOrEqual(50);
  });

  it('skips structured data that is huge, deeply nested or full of people', () => {
    const many = JSON.stringify({ '@type': 'Organization', name: 'Acme', employee: Array.from({ length: 5_000 }, (_, i) => ({ '@type': 'Person', name: `Person ${i}`, jobTitle: 'Engineer', telephone: '+1 415 766 2400' })) });
    const huge = JSON.stringify({ '@type': 'Organization', telephone: '+1 212 736 3100', description: 'x'.repeat(1_100_000) });
    const deep = `${'{"@type":"Organization","subOrganization":'.repeat(2_000)}{"@type":"Organization","telephone":"+1 650 253 0000"}${'}'.repeat(2_000)}`;
    const head = [many, huge, deep, '{ not json'].map((block) => `<script type="application/ld+json">${block}</script>`).join('');
    const capture = timedCapture('<p>hello</p>', 'https://www.acme-robotics.com/', head);
    expect(capture.fields.people.length).toBeLessThanOrEqual(50);
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+1 415 766 2400']);
  });

  it('finds contacts at the bottom of a very deeply nested page', () => {
    const depth = 20_000;
    const capture = timedCapture(`${'<div>'.repeat(depth)}<p>Email: deep@acme-robotics.com</p><p>Tel: +1 415 766 2400</p>${'</div>'.repeat(depth)}`);
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['deep@acme-robotics.com']);
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+1 415 766 2400']);
  });

  it('reads a 10 MB page within its budget', () => {
    const block = '<p>Our robots ship worldwide. Call (415) 766-2400 or write to sales@acme-robotics.com. 地址：上海市浦东新区张江路88号</p>';
    const capture = timedCapture(block.repeat(Math.ceil(10_000_000 / block.length)), 'https://www.acme-robotics.com/', '', 10_000);
    expect(capture.fields.emails.map((e) => e.value)).toEqual(['sales@acme-robotics.com']);
    expect(capture.fields.phones.map((p) => p.value)).toEqual(['+1 415 766 2400']);
  });
});
