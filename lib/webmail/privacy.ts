import { z } from 'zod';
import { canonicalAddress } from './participants';

/** How much of an email's body an activity keeps (issue #5, privacy): none, the first N characters, or all. */
export const BodyRetention = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('first'), chars: z.number().int().min(1).max(20_000) }),
  z.object({ mode: z.literal('all') }),
]);
export type BodyRetention = z.infer<typeof BodyRetention>;

/** "jane@acme.com" never logs that person; "acme.com" or "@acme.com" never logs anyone there or below. */
export const NeverLogEntry = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[^\s@]+@)?@?(?:[a-z0-9-]+\.)+[a-z]{2,24}$/, 'an address (jane@acme.com) or a domain (acme.com)');

export const WebmailPrivacy = z.object({
  bodyRetention: BodyRetention,
  neverLog: z.array(NeverLogEntry).max(1_000),
});
export type WebmailPrivacy = z.infer<typeof WebmailPrivacy>;

export const DEFAULT_WEBMAIL_PRIVACY: WebmailPrivacy = { bodyRetention: { mode: 'first', chars: 2_000 }, neverLog: [] };

/** A test for "on the never-log list", built once per list. */
export function neverLogTest(neverLog: readonly string[]): (address: string) => boolean {
  const addresses = new Set<string>();
  const domains: string[] = [];
  for (const entry of neverLog) {
    const lower = entry.trim().toLowerCase();
    if (/^[^@]+@/.test(lower)) addresses.add(canonicalAddress(lower));
    else if (lower) domains.push(lower.replace(/^@/, ''));
  }
  return (address) => {
    if (addresses.has(canonicalAddress(address))) return true;
    const host = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
    return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  };
}
