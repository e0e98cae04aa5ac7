import { z } from 'zod';
import { Hlc } from '../schema';

/**
 * A map of field -> clock stamp (a record's `versions`, a write's `baseVersions`), validated like
 * `z.record(z.string(), Hlc)` with the same issue paths and message, in one pass: a lead has some forty
 * stamped fields, and zod's record walk was half the cost of validating a pushed lead.
 */
export const StampMap = z
  .custom<Record<string, Hlc>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected an object of clock stamps')
  .superRefine((stamps, ctx) => {
    for (const field of Object.keys(stamps)) {
      if (!Hlc.safeParse(stamps[field]).success) ctx.addIssue({ code: 'custom', message: 'not a clock stamp', path: [field] });
    }
  });
