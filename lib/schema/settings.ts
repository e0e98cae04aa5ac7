import { z } from 'zod';

export const Locale = z.enum(['en', 'zh_CN']);
export type Locale = z.infer<typeof Locale>;

/** The rep's own preferences, kept in extension storage (not synced with the team). */
export const Settings = z.object({
  schemaVersion: z.literal(1),
  repName: z.string().trim().max(100),
  /** null follows the browser's language. */
  locale: Locale.nullable(),
  backend: z.object({ url: z.url().nullable() }),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { schemaVersion: 1, repName: '', locale: null, backend: { url: null } };
