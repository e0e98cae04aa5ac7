import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in tests/e2e/support). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The e2e build made by `npm run build:e2e`. */
export const EXTENSION_DIR = join(REPO_ROOT, '.output-e2e', 'chrome-mv3-e2e');

/** Screenshots for people to look at; git-ignored. */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts');

/** Real saved company pages beside the repo: read in place, never copied into it. */
export const CORPUS_DIR = resolve(REPO_ROOT, '..', 'shared', 'corpus', 'pages');

export const CORPUS_MISSING_MESSAGE =
  `The page corpus at ../shared/corpus/pages was not found (looked for ${CORPUS_DIR}). ` +
  'The e2e tests open real saved company pages from it: check out shared/ beside this repository.';

/** Fails with a plain message (never skips) when the corpus is not beside the repo. */
export function assertCorpusPresent(): void {
  if (!existsSync(CORPUS_DIR)) throw new Error(CORPUS_MISSING_MESSAGE);
}
