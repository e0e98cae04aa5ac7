import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, assertCorpusPresent, EXTENSION_DIR, REPO_ROOT } from './paths';

/**
 * Runs once before the e2e files: fails plainly when the page corpus is missing, and builds the e2e
 * extension (about 3 s) so the tests never run against a stale build. SIDECAR_E2E_NO_BUILD=1 reuses an
 * existing build (e.g. when CI built it in an earlier step).
 */
export default function setup(): void {
  assertCorpusPresent();
  if (process.env.SIDECAR_E2E_NO_BUILD === '1') {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`SIDECAR_E2E_NO_BUILD=1 but there is no e2e build in ${EXTENSION_DIR}: run npm run build:e2e.`);
  } else {
    const build = spawnSync('npm', ['run', 'build:e2e'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    if (build.status !== 0) {
      throw new Error(`npm run build:e2e failed (exit ${build.status ?? build.signal ?? build.error?.message}):\n${build.stdout}\n${build.stderr}`);
    }
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
}
