// `npm start`: builds the extension for Chrome/Chromium and Firefox, says how to load it, then runs the team
// server on 127.0.0.1 (embedded database in server/data, or PostgreSQL when DATABASE_URL is set) until Ctrl-C.
// SIDECAR_NO_SERVER=1 builds only.
import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const run = (args) => execFileSync('npx', ['wxt', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });

console.log('Building Sidecar…');
run(['build']);
run(['build', '-b', 'firefox', '--mv3']);

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv3');
console.log(`
Sidecar is built.

  Chrome / Chromium / Edge: ${chrome}
    1. open chrome://extensions and turn on "Developer mode"
    2. "Load unpacked" and choose the folder above
    3. pin Sidecar, open a company website, click the icon (or press Alt+Shift+S, or right-click > "Clip this company")

  Firefox (128+): ${firefox}
    open about:debugging#/runtime/this-firefox > "Load Temporary Add-on…" and choose manifest.json in that folder

  Or try it in a throwaway Chromium profile:
    chromium --user-data-dir=$(mktemp -d) --load-extension=${chrome} https://www.example-company.com/

Leads are kept in the browser (IndexedDB) and, once you sign in to a team server in Sidecar's options,
shared with your team.
`);

if (process.env.SIDECAR_NO_SERVER !== '1') {
  console.log('Starting the team server (Ctrl-C stops it)…');
  const server = spawn('npx', ['tsx', 'server/cli.ts', 'start'], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}
