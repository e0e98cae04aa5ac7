import fc from 'fast-check';
import { compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc, type HlcState } from '@/lib/clock';
import { Hlc } from '@/lib/schema';

const start: HlcState = { millis: 0, counter: 0, node: 'device1' };

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does (a rep fixing a wrong clock)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 1, maxLength: 200 }), (walls) => {
        let state = start;
        let previous = formatHlc(state);
        for (const wall of walls) {
          state = tickHlc(state, wall);
          const stamp = formatHlc(state);
          expect(compareHlc(stamp, previous)).toBe(1);
          expect(Hlc.safeParse(stamp).success).toBe(true);
          previous = stamp;
        }
      }),
    );
  });

  it('round-trips through its string form', () => {
    const state = { millis: 1_763_892_000_000, counter: 35, node: 'abc' };
    expect(parseHlc(formatHlc(state))).toEqual(state);
  });

  it('moves past a stamp received from a device whose clock runs hours ahead', () => {
    const remote = formatHlc({ millis: 2_000_000_000_000, counter: 4, node: 'fast' });
    const local = receiveHlc({ millis: 1_000_000_000_000, counter: 0, node: 'slow' }, remote, 1_000_000_000_500);
    expect(compareHlc(formatHlc(local), remote)).toBe(1);
    expect(compareHlc(formatHlc(tickHlc(local, 1_000_000_001_000)), remote)).toBe(1);
  });
});
