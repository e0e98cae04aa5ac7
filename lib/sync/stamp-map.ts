import { z } from 'zod';
import { Hlc } from '../schema';

/** No stamp checked yet (`undefined` is a value a field may wrongly hold, to be refused like any other). */
const NONE_YET = Symbol('none yet');

/**
 * A map of field -> clock stamp (a record's `versions`, a write's `baseVersions`), validated like
 * `z.record(z.string(), Hlc)` with the same issue paths and message, in one pass: a lead has some forty
 * stamped fields, and zod's record walk was half the cost of validating a pushed lead.
 */
export const StampMap = z
  .custom<Record<string, Hlc>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected an object of clock stamps')
  .superRefine((stamps, ctx) => {
    // A record's fields mostly share a few stamps (a new lead's, all one): each distinct one is checked once,
    // and a stamp equal to the one before (most of them) costs one string comparison.
    let valid: Set<unknown> | null = null;
    let previous: unknown = NONE_YET;
    for (const field of Object.keys(stamps)) {
      const stamp = stamps[field];
      if (stamp === previous) continue;
      if (valid?.has(stamp) || Hlc.safeParse(stamp).success) {
        if (previous !== NONE_YET) (valid ??= new Set([previous])).add(stamp);
        previous = stamp;
      } else ctx.addIssue({ code: 'custom', message: 'not a clock stamp', path: [field] });
    }
  });
