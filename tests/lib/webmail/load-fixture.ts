import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

/** Resolved from this module's URL so that ESM scripts (benchmarks) can load fixtures too, not only vitest. */
const FIXTURES = fileURLToPath(new URL('../../fixtures/webmail', import.meta.url));

/** The HTML of a fixture in tests/fixtures/webmail. */
export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A fixture parsed into a document, as the content script sees the page. */
export function loadFixture(name: string): Document {
  return parseHTML(fixtureHtml(name)).document as unknown as Document;
}

/** The URLs the fixtures stand for. */
export const URLS = {
  gmailThread: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKxLmNqPbRtVwYz',
  gmailInbox: 'https://mail.google.com/mail/u/0/#inbox',
  outlookThread: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTczLTAwAi0wMAoAEABxdW90ZV8yMDA%3D',
  outlookInbox: 'https://outlook.office.com/mail/inbox',
} as const;
