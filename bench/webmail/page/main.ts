/**
 * The webmail benchmark's cases, run in Chromium: bench/webmail.mjs serves a built 50-message Gmail or Outlook
 * thread with this script in it, and a page whose real on-disk IndexedDB holds 100,000 leads, and drives them
 * through `window.webmailBench`. Every case returns raw per-operation timings; the statistics are done in Node.
 */
import { SidecarDatabase, toRow, type LeadRow } from '../../../lib/db';
import { leadsForDomains } from '../../../lib/background/webmail-leads';
import { companyDomains, gmailAdapter, outlookAdapter, type MailAddress } from '../../../lib/webmail';
import type { Lead } from '../../../lib/schema';
import { leadOf, rng, uuidV7 } from '../../page/data';

const now = () => performance.now();
const log = (message: string) => console.log(`[bench page] ${message}`);
const ADAPTERS = { gmail: gmailAdapter, outlook: outlookAdapter } as const;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`benchmark sanity check failed: ${message}`);
}

/** Reads the thread in this page as the content script does when its signature changed: the whole thread, every time. */
function readThread({ webmail, url, iterations, warmup, expectMessages }: { webmail: 'gmail' | 'outlook'; url: string; iterations: number; warmup: number; expectMessages: number }) {
  const adapter = ADAPTERS[webmail];
  const first = adapter.readThread(document, url);
  check(first?.status === 'ok', `${webmail} thread not readable: ${JSON.stringify(first).slice(0, 300)}`);
  check(first.thread.messages.length === expectMessages, `${webmail}: read ${first.thread.messages.length} messages, expected ${expectMessages}`);
  const read: number[] = [];
  const signature: number[] = [];
  for (let k = 0; k < warmup + iterations; k++) {
    const t0 = now();
    const result = adapter.readThread(document, url);
    const t1 = now();
    adapter.threadSignature(document, url);
    const t2 = now();
    check(result?.status === 'ok', 'read failed');
    if (k >= warmup) {
      read.push(t1 - t0);
      signature.push(t2 - t1);
    }
  }
  return { read, signature, messages: first.thread.messages.length, participants: first.thread.messages.reduce((sum, m) => sum + 1 + m.to.length + m.cc.length, 0) };
}

let db: SidecarDatabase | undefined;
let domains: string[] = [];

/** Distinct generated leads (the ones `npm run bench` stores); the rest are variants of them, as building each costs ~2 ms. */
const TEMPLATES = 1_000;

/** Lead i: a template with its own id, name and domain ("acme-robotics.com" -> "acme-robotics-2s7.com"). */
function leadVariant(templates: readonly Lead[], i: number): Lead {
  const template = templates[i % templates.length]!;
  if (i < templates.length) return template;
  const tag = i.toString(36);
  const domain = template.domain ? template.domain.replace(/^([^.]+)/, `$1-${tag}`) : null;
  return { ...template, id: uuidV7(Date.parse(template.createdAt) + i, rng(i)), name: `${template.name} ${tag}`, domain, website: domain ? `https://www.${domain}/` : template.website };
}

/** Stores n leads in chunks, each chunk one transaction; the next chunk is built while the previous one commits. */
async function seed({ n, chunk, reuse }: { n: number; chunk: number; reuse: boolean }): Promise<{ ms: number; stored: number; reused: boolean }> {
  const name = `sidecar-webmail-bench-${n}`;
  const templates = Array.from({ length: Math.min(n, TEMPLATES) }, (_, i) => leadOf(i));
  domains = [];
  if (reuse) {
    // The same n leads from an earlier run (a cached profile): lead i is the same in every run.
    db = new SidecarDatabase(name);
    await db.open();
    if ((await db.leads.count()) === n) {
      for (let i = 0; i < n; i++) domains.push(leadVariant(templates, i).domain!);
      return { ms: 0, stored: n, reused: true };
    }
    db.close();
  }
  await new SidecarDatabase(name).delete();
  db = new SidecarDatabase(name);
  await db.open();
  const started = now();
  let writing: Promise<unknown> = Promise.resolve();
  for (let from = 0; from < n; from += chunk) {
    const rows: LeadRow[] = [];
    for (let i = from; i < Math.min(n, from + chunk); i++) {
      const lead = leadVariant(templates, i);
      rows.push(toRow(lead));
      if (lead.domain) domains.push(lead.domain);
    }
    await writing;
    writing = db.transaction('rw', db.leads, () => db!.leads.bulkPut(rows));
    if ((from / chunk) % 5 === 0) log(`storing ${Math.min(n, from + chunk)} leads`);
  }
  await writing;
  const stored = await db.leads.count();
  return { ms: now() - started, stored, reused: false };
}

/**
 * Matching a thread's participants to leads as the background does for the panel: registrable domains without
 * the rep's own, free mail and robots (companyDomains), then the companies' leads by the domain index and among
 * the domains leads took over in merges (leadsForDomains: exact-key reads in one transaction). Each sample is
 * a thread with a stored customer (two people), an unknown company, a colleague, a free-mail sender and a
 * no-reply robot.
 */
async function match({ iterations, warmup }: { iterations: number; warmup: number }) {
  check(db && domains.length > 0, 'seed first');
  const own = { addresses: ['sam@sidecar-demo.com'], domains: [] };
  const samples: number[] = [];
  let found = 0;
  for (let k = 0; k < warmup + iterations; k++) {
    const customer = domains[(k * 7919) % domains.length]!;
    const participants: MailAddress[] = [
      { name: 'Sam Rep', address: 'sam@sidecar-demo.com' },
      { name: 'Jane Doe', address: `jane.doe@${customer}` },
      { name: null, address: `purchasing@mail.${customer}` },
      { name: 'Unknown', address: `info@no-lead-${k}.example.org` },
      { name: 'Bob', address: 'bob@gmail.com' },
      { name: null, address: 'no-reply@notifications.github.com' },
      { name: 'Kim', address: 'kim@sidecar-demo.com' },
    ];
    const t0 = now();
    const companies = companyDomains(participants, own).domains;
    const leads = await leadsForDomains(db!, companies.map((company) => company.domain));
    const t1 = now();
    check(companies.length === 2, `expected 2 companies, got ${companies.map((c) => c.domain).join(', ')}`);
    check(leads[0]?.domain === customer && leads[1] === undefined, `the customer ${customer} was not matched to its lead`);
    found++;
    if (k >= warmup) samples.push(t1 - t0);
  }
  return { samples, found };
}

Object.assign(globalThis, {
  webmailBench: { readThread, seed, match, crossOriginIsolated: () => globalThis.crossOriginIsolated, browserVersion: () => navigator.userAgent },
});
