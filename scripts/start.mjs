// `npm start`: builds the extension for Chrome/Chromium and Firefox and says how to load it.
import { execFileSync } from 'node:child_process';
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

Leads are kept in the browser (IndexedDB). The team backend arrives with issue #6.
`);
