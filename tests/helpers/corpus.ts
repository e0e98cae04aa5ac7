import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../../scripts/decode-html';

/** Real saved company pages shipped beside the repo (../shared/corpus/pages); never copied into it. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/pages/', import.meta.url));
export const corpusAvailable = existsSync(CORPUS_DIR);

if (!corpusAvailable) {
  console.warn(`\n*** Corpus tests did NOT run: ${CORPUS_DIR} was not found (clone the repo beside shared/). ***\n`);
}

/** A saved page decoded as the extract command decodes it (some corpus pages are windows-1252 or GBK). */
export function readCorpusPage(file: string): string {
  return decodeHtml(readFileSync(`${CORPUS_DIR}${file}`)).text;
}

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Each corpus page's original URL, from the table in ../shared/corpus/SOURCES.md. */
export function corpusPageUrls(): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const line of readFileSync(`${CORPUS_DIR}../SOURCES.md`, 'utf8').split('\n')) {
    const match = /^\| (\S+\.html) \| (\S+)/.exec(line);
    if (match) urls[match[1]!] = match[2]!;
  }
  return urls;
}
