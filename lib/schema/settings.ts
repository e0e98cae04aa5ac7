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
  /**
   * shared/domain.md §7: contact phone numbers are kept masked (area code + last four, 010-****5678), on by
   * default. Until team settings sync (issue #6) the team's choice is set here.
   */
  maskContactPhones: z.boolean(),
  /** The toolbar icon shows the current site's tier as the rep browses: an opt-in that needs the `tabs` permission. */
  toolbarBadge: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: 1,
  repName: '',
  locale: null,
  backend: { url: null },
  maskContactPhones: true,
  toolbarBadge: false,
};
