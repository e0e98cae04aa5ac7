/**
 * `npm run --silent extract -- <file.html> --url <page-url> [<file.html> --url <page-url> ...]`
 *
 * Prints the CompanyCapture that the extension would make of a saved page, as JSON on stdout: the same
 * extractor (lib/capture extractCompany) on a linkedom document. Several pages in one run print a JSON array
 * (one process for a whole corpus: starting Node is most of the time a page takes). Exits 2 on a usage error
 * and 1 on an unreadable page, with the reason on stderr and nothing on stdout.
 */
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractCompany } from '../lib/capture';
import type { CompanyCapture } from '../lib/schema';
import { decodeHtml, UnreadablePageError } from './decode-html';

const USAGE = `Usage: npm run --silent extract -- <file.html> --url <page-url> [<file.html> --url <page-url> ...]

Prints the company capture of each saved page as JSON (an array when there are several).
  --url <page-url>   the address the page was saved from (http, https or file); it decides the domain`;

export interface ExtractResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

interface PageRequest {
  file: string;
  url: string;
}

class UsageError extends Error {}

export async function runExtract(argv: readonly string[]): Promise<ExtractResult> {
  if (argv.includes('--help') || argv.includes('-h')) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  let requests: PageRequest[];
  try {
    requests = parseArguments(argv);
  } catch (error) {
    return { code: 2, stdout: '', stderr: `extract: ${(error as Error).message}\n\n${USAGE}\n` };
  }
  const captures: CompanyCapture[] = [];
  for (const { file, url } of requests) {
    try {
      const { text } = decodeHtml(await readPage(file));
      if (text.trim() === '') throw new UnreadablePageError('the file holds only white space');
      captures.push(extractCompany(toDocument(text), url));
    } catch (error) {
      const reason = error instanceof UnreadablePageError ? error.message : `it could not be read (${(error as Error).message})`;
      return { code: 1, stdout: '', stderr: `extract: cannot read ${file}: ${reason}\n` };
    }
  }
  const output = captures.length === 1 ? captures[0] : captures;
  return { code: 0, stdout: `${JSON.stringify(output, null, 2)}\n`, stderr: '' };
}

/**
 * The page as a browser would build it. A browser always has an <html> root; linkedom makes the first element
 * the root when a saved fragment lacks one (`<title>..</title><p>..` gets a <title> root) and none at all for
 * plain text, so such a file is given one.
 */
export function toDocument(text: string): Document {
  const html = /<html[\s>]/i.test(text.slice(0, 100_000)) ? text : `<html>${text}</html>`;
  return parseHTML(html).document as unknown as Document;
}

function parseArguments(argv: readonly string[]): PageRequest[] {
  const requests: PageRequest[] = [];
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url' || arg.startsWith('--url=')) {
      const url = arg === '--url' ? argv[++i] : arg.slice('--url='.length);
      if (url === undefined || url === '') throw new UsageError('--url needs the page address after it.');
      if (file === null) throw new UsageError(`--url ${url} comes before the file it belongs to.`);
      requests.push({ file, url: checkedUrl(url) });
      file = null;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}.`);
    } else {
      if (file !== null) throw new UsageError(`missing --url for ${file} (the address the page was saved from).`);
      file = arg;
    }
  }
  if (file !== null) throw new UsageError(`missing --url for ${file} (the address the page was saved from).`);
  if (requests.length === 0) throw new UsageError('no page given.');
  return requests;
}

/** The extension clips web pages and pages opened from disk, and so does the command line. */
function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url ${JSON.stringify(url)} is not a web address (write it in full: https://www.example.com/).`);
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) {
    throw new UsageError(`--url ${JSON.stringify(url)} is not a web page address (http, https or file).`);
  }
  return url;
}

async function readPage(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadablePageError(code === 'ENOENT' ? 'there is no such file' : `it could not be opened (${code ?? String(error)})`);
  }
  if (info.isDirectory()) throw new UnreadablePageError('it is a directory, not a saved page');
  if (info.size === 0) throw new UnreadablePageError('the file is empty');
  return readFile(file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runExtract(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
