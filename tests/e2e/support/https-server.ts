import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchSidecarWith, type SidecarBrowser } from './browser';

/** The webmail hosts the test pages are served under (the certificate names them). */
export const WEBMAIL_TEST_HOSTS = ['mail.google.com', 'outlook.office.com'] as const;

export interface HttpsPageServer {
  port: number;
  /** Serves `html` at https://host/path (the hash of a URL never reaches a server). */
  add(url: string, html: string): void;
  close(): Promise<void>;
}

/**
 * A local HTTPS server for pages that must be served under a webmail's own https origin (content scripts are
 * declared for https://mail.google.com/*). Its certificate is self-signed, made at test time with openssl into a
 * temporary directory and removed on close; Chromium is told to accept it (--ignore-certificate-errors).
 * Pages carry Gmail's own Trusted Types policy, so the content script is tested under it.
 */
export async function startHttpsPageServer(): Promise<HttpsPageServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sidecar-tls-'));
  const [keyPath, certPath] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1',
    '-subj', '/CN=mail.google.com', '-addext', `subjectAltName=${WEBMAIL_TEST_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
  ], { stdio: 'pipe' });
  const pages = new Map<string, Buffer>();
  const keyOf = (host: string, path: string) => `${host.toLowerCase().replace(/:\d+$/, '')}${path}`;
  const server: Server = createServer({ key: await readFile(keyPath), cert: await readFile(certPath) }, (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const page = pages.get(keyOf(request.headers.host ?? '', path));
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain', connection: 'close' });
      response.end('not a test page');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': page.length,
      'cache-control': 'no-store',
      // Gmail has required Trusted Types since 2024 (shared/webmail-dom.md): the panel must work under it.
      'content-security-policy': "require-trusted-types-for 'script'",
    });
    response.end(page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    add(url, html) {
      const parsed = new URL(url);
      pages.set(keyOf(parsed.host, parsed.pathname), Buffer.from(html, 'utf8'));
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Launches Chromium with the e2e build, the webmail hosts resolved to the local HTTPS server and its certificate accepted. */
export function launchWebmailSidecar(userDataDir: string, httpsPort: number): Promise<SidecarBrowser> {
  return launchSidecarWith(userDataDir, {
    hostRules: `${WEBMAIL_TEST_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${httpsPort}`).join(', ')}, EXCLUDE localhost`,
    flags: ['--ignore-certificate-errors'],
  });
}
