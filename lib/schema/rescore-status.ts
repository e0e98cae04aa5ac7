import { z } from 'zod';

/**
 * Where the re-score of every lead after a team settings change stands: kept in extension storage, so the
 * options page can show it and a restarted service worker resumes the run from `cursor`.
 */
export const RescoreStatus = z.object({
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  cursor: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type RescoreStatus = z.infer<typeof RescoreStatus>;
