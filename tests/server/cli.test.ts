import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'server/cli.ts');

it('the CLI creates a team and its admin, and the started server lets that admin sign in', async () => {
  const env = { ...process.env, SIDECAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'sidecar-cli-')), DATABASE_URL: '' };
  const team = await run(TSX, [CLI, 'create-team', 'Acme Sales'], { env });
  expect(team.stdout).toMatch(/Team "Acme Sales" created/);
  const user = spawn(TSX, [CLI, 'create-user', '--team', 'Acme Sales', '--email', 'Boss@Acme.com', '--role', 'admin', '--password-stdin'], { env });
  user.stdin.end('correct horse battery staple\n');
  let userOut = '';
  user.stdout.on('data', (chunk) => (userOut += chunk));
  expect(await new Promise((resolve) => user.on('exit', resolve))).toBe(0);
  expect(userOut).toMatch(/admin boss@acme.com added to team "Acme Sales"/);
  const wrongRole = await run(TSX, [CLI, 'create-user', '--team', 'Acme Sales', '--email', 'x@acme.com', '--role', 'boss'], { env }).catch((error: { stderr: string; code: number }) => error);
  expect(wrongRole).toMatchObject({ code: 1, stderr: expect.stringMatching(/--role \(admin, manager or rep\)/) });

  const server = spawn(TSX, [CLI, 'start', '--port', '0'], { env });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match && /Sign in: open Sidecar's options/.test(out)) resolve(match[1]!);
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const response = await fetch(`${url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'boss@acme.com', password: 'correct horse battery staple' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ account: { role: 'admin', teamName: 'Acme Sales' } });
    // While it runs, the embedded database is locked: a second server says so instead of corrupting it.
    const second = await run(TSX, [CLI, 'start', '--port', '0'], { env }).catch((error: { stderr: string }) => error);
    expect(second).toMatchObject({ stderr: expect.stringMatching(/in use by another Sidecar server/) });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
  // A lost laptop: the admin's one sign-in is ended from the command line.
  const signedOut = await run(TSX, [CLI, 'sign-out-user', '--email', 'boss@acme.com'], { env });
  expect(signedOut.stdout).toMatch(/boss@acme.com is signed out everywhere \(1 sign-in ended\)/);
  const unknown = await run(TSX, [CLI, 'sign-out-user', '--email', 'nobody@acme.com'], { env }).catch((error: { stderr: string; code: number }) => error);
  expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/no user nobody@acme.com/) });
}, 180_000);
