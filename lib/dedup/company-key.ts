import { hostOf, registrableDomain } from '../domain';
import { FREE_MAIL_DOMAINS, PROFILE_HOSTS, PROFILE_PLATFORM_DOMAINS, SHARED_HOSTING_DOMAINS } from './shared-domains';

/**
 * The key that identifies the company behind a page, so that every page of one company files into one lead:
 * - the registrable domain ("www.shop.acme.co.uk" -> "acme.co.uk");
 * - on free-mail and shared-hosting domains, the full host ("foo.wixsite.com"), so two tenants never merge;
 * - null for profile pages on social platforms and path-based site builders, IPs and local files: the
 *   address says nothing about the company (duplicates are then found by name, and offered, not merged).
 */
export function companyKeyOf(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const domain = registrableDomain(host);
  if (!domain) return null;
  if (PROFILE_HOSTS.has(host)) return null;
  if (PROFILE_PLATFORM_DOMAINS.has(domain) && !isRootPage(url)) return null;
  if (isSharedDomain(domain)) return host;
  return domain;
}

/** True for domains where an address or a site does not belong to one company. */
function isSharedDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return FREE_MAIL_DOMAINS.has(lower) || SHARED_HOSTING_DOMAINS.has(lower);
}

function isRootPage(url: string): boolean {
  try {
    return new URL(url).pathname.replace(/\/+$/, '') === '';
  } catch {
    return false;
  }
}
