import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_WEBMAIL_PRIVACY, UnreadableReason, Webmail, WebmailPrivacy } from '../webmail';

/** A company domain of the rep's own ("sidecar-demo.com"): its people are colleagues, never leads. */
const OwnDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,24}$/, 'a domain (acme.com)');

/** The rep's webmail settings: privacy (never-log list, body retention) and the company's own domains. */
export const WebmailSettings = z.object({
  privacy: WebmailPrivacy,
  ownDomains: z.array(OwnDomain).max(50),
});
export type WebmailSettings = z.infer<typeof WebmailSettings>;

export const DEFAULT_WEBMAIL_SETTINGS: WebmailSettings = { privacy: DEFAULT_WEBMAIL_PRIVACY, ownDomains: [] };

/** How often the adapters could not read a thread the page said was open: the sign that a webmail changed its markup. */
export const WebmailFailures = z.object({
  total: z.number().int().nonnegative(),
  byWebmail: z.record(Webmail, z.number().int().nonnegative()),
  byReason: z.record(UnreadableReason, z.number().int().nonnegative()),
  last: z.object({ at: z.iso.datetime(), webmail: Webmail, reason: UnreadableReason }).nullable(),
});
export type WebmailFailures = z.infer<typeof WebmailFailures>;

export const NO_WEBMAIL_FAILURES: WebmailFailures = {
  total: 0,
  byWebmail: { gmail: 0, outlook: 0 },
  byReason: { 'no-thread-id': 0, 'no-messages': 0, 'no-readable-message': 0 },
  last: null,
};

const settingsItem = storage.defineItem<unknown>('local:webmailSettings');
const failuresItem = storage.defineItem<unknown>('local:webmailFailures');

/** The stored settings; a damaged or older shape gives the defaults (privacy-first: 2,000 characters kept). */
export async function loadWebmailSettings(): Promise<WebmailSettings> {
  const stored = await settingsItem.getValue();
  const parsed = WebmailSettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_WEBMAIL_SETTINGS;
}

/** Validates and stores; invalid settings throw a ZodError naming the wrong entry and nothing changes. */
export async function saveWebmailSettings(settings: unknown): Promise<WebmailSettings> {
  const valid = WebmailSettings.parse(settings);
  await settingsItem.setValue(valid);
  return valid;
}

export async function loadWebmailFailures(): Promise<WebmailFailures> {
  const parsed = WebmailFailures.safeParse(await failuresItem.getValue());
  return parsed.success ? parsed.data : NO_WEBMAIL_FAILURES;
}

// Two tabs may report at once: increments are chained so neither read-modify-write loses the other's count.
let pending: Promise<unknown> = Promise.resolve();

export function countWebmailFailure(webmail: Webmail, reason: UnreadableReason, at: Date = new Date()): Promise<WebmailFailures> {
  const next = pending.then(async () => {
    const current = await loadWebmailFailures();
    const updated: WebmailFailures = {
      total: current.total + 1,
      byWebmail: { ...current.byWebmail, [webmail]: (current.byWebmail[webmail] ?? 0) + 1 },
      byReason: { ...current.byReason, [reason]: (current.byReason[reason] ?? 0) + 1 },
      last: { at: at.toISOString(), webmail, reason },
    };
    await failuresItem.setValue(updated);
    return updated;
  });
  pending = next.catch(() => undefined);
  return next;
}

export async function resetWebmailFailures(): Promise<void> {
  await failuresItem.setValue(NO_WEBMAIL_FAILURES);
}
