import { parse } from 'tldts';

/**
 * The registrable domain (eTLD+1) of a URL or host: "www.shop.acme.co.uk" -> "acme.co.uk".
 * Null for IP addresses, localhost and anything without a public suffix, which identify no company.
 */
export function registrableDomain(urlOrHost: string): string | null {
  const parsed = parse(urlOrHost, { allowPrivateDomains: false });
  if (parsed.isIp || !parsed.domain || !parsed.isIcann) return null;
  return parsed.domain.toLowerCase();
}

/** Lower-case host of a URL, or null when it does not parse. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}
