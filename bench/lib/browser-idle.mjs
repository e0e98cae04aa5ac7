// Shared by the benchmark suites: waiting for the browser they launched to go idle between cases.
import { readdir, readFile } from 'node:fs/promises';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU ticks (1/100 s) used so far by this process's descendants (the browser we launched). Linux only. */
async function childCpuTicks() {
  const parents = new Map();
  const ticks = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const [pid, cpu] of ticks) {
    for (let p = parents.get(pid); p; p = parents.get(p)) {
      if (p === process.pid) {
        total += cpu;
        break;
      }
    }
  }
  return total;
}

/**
 * Waits until the browser is idle (IndexedDB compacts its LevelDB for a while after a large write), so that one
 * case's background work does not land in the next case's timings. Gives up after `maxMs`; `say` reports it.
 */
export async function waitForQuiet(say, maxMs = 45_000) {
  const t0 = Date.now();
  if (process.platform !== 'linux') {
    await sleep(5000);
    return;
  }
  let quietSeconds = 0;
  let last = await childCpuTicks();
  while (Date.now() - t0 < maxMs && quietSeconds < 2) {
    await sleep(1000);
    const current = await childCpuTicks();
    quietSeconds = current - last <= 5 ? quietSeconds + 1 : 0;
    last = current;
  }
  say(`browser idle after ${((Date.now() - t0) / 1000).toFixed(0)} s${quietSeconds < 2 ? ' (gave up waiting)' : ''}`);
}
