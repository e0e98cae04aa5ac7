import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_AHEAD_MS, ServerClock } from '../../server/sync/server-clock';

const NOW = Date.UTC(2026, 10, 2, 9);
const stampAt = (ms: number, node = 'devicea') => `${String(ms).padStart(13, '0')}-0000-${node}`;

describe('ServerClock.clampVersions', () => {
  it('keeps stamps up to a minute ahead and replaces later ones with server stamps, field by field', () => {
    const clock = new ServerClock(() => NOW, 'srvtest');
    const inTime = stampAt(NOW + MAX_CLOCK_AHEAD_MS);
    const future = stampAt(NOW + 5 * 3600_000);
    // A record's fields mostly share one stamp; the wrong ones may sit between and after them.
    const versions = { name: inTime, domain: inTime, stage: future, tier: future, region: inTime, tags: stampAt(NOW - 1000, 'deviceb') };
    const clamped = clock.clampVersions(versions);
    expect(clamped).not.toBe(versions);
    expect(versions.stage).toBe(future);
    expect({ ...clamped, stage: undefined, tier: undefined }).toEqual({ ...versions, stage: undefined, tier: undefined });
    // Server stamps taken now: the edits are kept, ordered by their arrival.
    for (const field of ['stage', 'tier'] as const) expect(clamped[field]).toMatch(new RegExp(`^${NOW}-\\d{4}-srvtest$`));
    expect(clamped.stage).not.toBe(clamped.tier);
  });

  it('returns the same versions when every stamp is in time', () => {
    const clock = new ServerClock(() => NOW, 'srvtest');
    const versions = { name: stampAt(NOW), stage: stampAt(NOW), region: stampAt(NOW - 50, 'deviceb') };
    expect(clock.clampVersions(versions)).toBe(versions);
  });
});
