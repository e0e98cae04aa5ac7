import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { assertCorpusPresent, CORPUS_DIR } from './paths';

/** A page served under a real host name: Chromium maps every host to this server (--host-resolver-rules). */
export interface ServedPage {
  body: Buffer;
  /** Content-Type header; omitted when the page declares no charset, so Chromium sniffs as it would. */
  contentType?: string;
}

export interface PageServer {
  port: number;
  /** Serves extra pages (test fixtures) at http://host/path. */
  add(url: string, html: string): void;
  close(): Promise<void>;
}

/** host + path, e.g. "www.fincar.com.au/contact"; the trailing slash of a path is ignored. */
const keyOf = (host: string, path: string) => `${host.toLowerCase().replace(/:\d+$/, '')}${path.replace(/\/+$/, '') || '/'}`;

function keyOfUrl(url: string): string {
  const parsed = new URL(url);
  return keyOf(parsed.host, parsed.pathname);
}

/** The charset a saved page declares in its first bytes (meta charset or http-equiv), if any. */
export function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/**
 * The corpus pages by their original URL, read from SOURCES.md (a markdown table: | file | page URL | ...).
 * When two files were saved from the same URL the first one listed wins.
 */
export function corpusRoutes(): Map<string, string> {
  assertCorpusPresent();
  const sources = [join(CORPUS_DIR, 'SOURCES.md'), join(dirname(CORPUS_DIR), 'SOURCES.md')].find((path) => existsSync(path));
  if (!sources) throw new Error(`SOURCES.md (the list of corpus pages and their URLs) was not found beside ${CORPUS_DIR}.`);
  const routes = new Map<string, string>();
  for (const line of readFileSync(sources, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const file = cells[1];
    const url = /^https?:\/\/\S+/.exec(cells[2] ?? '')?.[0];
    if (!file?.endsWith('.html') || !url || !existsSync(join(CORPUS_DIR, file))) continue;
    const key = keyOfUrl(url);
    if (!routes.has(key)) routes.set(key, file);
  }
  return routes;
}

/** Starts a server on 127.0.0.1 (random port) that serves corpus pages and fixtures by Host header + path. */
export async function startPageServer(): Promise<PageServer> {
  const corpus = corpusRoutes();
  const fixtures = new Map<string, ServedPage>();
  const cache = new Map<string, ServedPage>();

  const pageFor = (key: string): ServedPage | undefined => {
    const fixture = fixtures.get(key);
    if (fixture) return fixture;
    const file = corpus.get(key);
    if (!file) return undefined;
    let page = cache.get(file);
    if (!page) {
      const body = readFileSync(join(CORPUS_DIR, file));
      const charset = declaredCharset(body);
      page = { body, contentType: charset ? `text/html; charset=${charset}` : undefined };
      cache.set(file, page);
    }
    return page;
  };

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const page = request.method === 'GET' || request.method === 'HEAD' ? pageFor(keyOf(request.headers.host ?? '', path)) : undefined;
    if (!page) {
      // Page subresources (scripts, images, analytics) are not part of the corpus.
      response.writeHead(404, { 'content-type': 'text/plain', connection: 'close' });
      response.end('not in the test corpus');
      return;
    }
    response.writeHead(200, { ...(page.contentType ? { 'content-type': page.contentType } : {}), 'content-length': page.body.length, 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : page.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    add(url, html) {
      fixtures.set(keyOfUrl(url), { body: Buffer.from(html, 'utf8'), contentType: 'text/html; charset=utf-8' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
