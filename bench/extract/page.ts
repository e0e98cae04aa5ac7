/**
 * Runs inside a corpus page loaded in Chromium (bench/extract.mjs adds it with a <script> tag once the page has
 * loaded). Times the extension's extractor on the live document against Mozilla Readability alone on the same
 * document, interleaved so that both see the same machine load.
 */
import { Readability } from '@mozilla/readability';
import { extractCompany } from '../../lib/capture';
import { READABILITY_LIMITS, readMainText } from '../../lib/capture/main-text';

export interface RunOptions {
  /** The address the page was saved from: it decides the domain, as in the content script. */
  url: string;
  iterations: number;
  warmup: number;
  /** How many of the timed runs also time Readability alone (it takes seconds on a generated 10 MB page). */
  baselineRuns: number;
}

export interface RunResult {
  /** Milliseconds per full capture (extractCompany), after warm-up. */
  extract: number[];
  /** Milliseconds per Readability run on a clone of the same page (clone included: Readability mutates it). */
  readability: number[];
  elements: number;
  htmlChars: number;
  /** What the capture found, so the table shows the timings are of real work. */
  found: { name: string | null; emails: number; phones: number; social: number; description: string | null; warnings: string[] };
}

export function run({ url, iterations, warmup, baselineRuns }: RunOptions): RunResult {
  const extract: number[] = [];
  const readability: number[] = [];
  let capture = extractCompany(document, url);
  for (let i = 0; i < warmup + iterations; i++) {
    // Alternate which runs first so neither always gets the warmer caches.
    const extractFirst = i % 2 === 0;
    // Readability alone once during warm-up (when it is timed often enough to need it), then baselineRuns times.
    const withBaseline = i < warmup ? i === 0 && baselineRuns >= 3 : i - warmup < baselineRuns;
    let extractMs = 0;
    let readabilityMs = 0;
    if (extractFirst) extractMs = timeExtract();
    if (withBaseline) readabilityMs = timeReadability();
    if (!extractFirst) extractMs = timeExtract();
    if (i >= warmup) {
      extract.push(extractMs);
      if (withBaseline) readability.push(readabilityMs);
    }
  }
  return {
    extract,
    readability,
    elements: document.getElementsByTagName('*').length,
    htmlChars: document.documentElement.outerHTML.length,
    found: {
      name: capture.fields.name?.value ?? null,
      emails: capture.fields.emails.length,
      phones: capture.fields.phones.length,
      social: capture.fields.social?.length ?? 0,
      description: capture.fields.description?.source ?? null,
      warnings: capture.warnings,
    },
  };

  function timeExtract(): number {
    const started = performance.now();
    capture = extractCompany(document, url);
    return performance.now() - started;
  }
}

function timeReadability(): number {
  const started = performance.now();
  new Readability(document.cloneNode(true) as Document).parse();
  return performance.now() - started;
}

/** Chromium's version, for the results file. */
export function browserVersion(): string {
  return /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? navigator.userAgent;
}

/**
 * Readability's cost by the number of elements it is given (READABILITY_LIMITS.maxElements), on the loaded
 * page: `node bench/extract.mjs --calibrate` prints it, to choose that limit.
 */
export function calibrate({ url, caps, runs }: { url: string; caps: number[]; runs: number }): Array<{ maxElements: number; medianMs: number }> {
  return caps.map((maxElements) => {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const started = performance.now();
      readMainText(document, url, [], { ...READABILITY_LIMITS, maxElements });
      if (i > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { maxElements, medianMs: Number(times[times.length >> 1]!.toFixed(2)) };
  });
}
