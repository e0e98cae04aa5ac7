import { registrableDomain } from '../domain';
import { FREE_MAIL_DOMAINS } from '../dedup/shared-domains';
import { historySenders } from './quoted-history';
import type { MailAddress, WebmailMessage, WebmailThread } from './types';

/** Free-mail registrable domains that lib/dedup's list (keyed by eTLD+1) spells differently. */
const MORE_FREE_MAIL = new Set(['hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'yahoo.com.cn', 'yahoo.com.hk', 'yahoo.com.tw', 'yahoo.fr', 'yahoo.de', 'outlook.jp', 'live.cn', 'msn.cn', 'pm.me', 'hey.com', 'fastmail.com', 'gmx.at', 'email.cn', '88.com']);
/** Senders nobody answers: bounces, notifications, no-reply robots (local part). */
const AUTOMATED_LOCAL = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|noreply[-_.+].*|.*[-_.+]no[-_.]?reply|notifications?|notify|notice|alerts?|mailer[-_.]?daemon|postmaster|bounces?|bounce[-_.+].*|.*[-_.+]bounces?|auto[-_.]?(?:reply|confirm|mailer)|automated|system|mailer|calendar[-_.]notification|newsletter|news)(?:\+.*)?$/i;
/** Mail hosts of bounce and notification services ("bounce.acme.com", "notifications.acme.cn"). */
const AUTOMATED_HOST = /^(?:bounces?|notifications?|notify|mailer-daemon)\.[^.]+\./i;
const AUTOMATED_NAME = /(?:\bno[- ]?reply\b|\bdo not reply\b|\bnotifications?\b|\bmailer[- ]daemon\b|通知|系统邮件|系統郵件|自动回复|自動回覆|请勿回复|請勿回覆)/i;

/** Who the rep is in the mail: the rep's addresses, and the company's domains (a colleague's mail is the team's). */
export interface OwnIdentity {
  addresses: readonly string[];
  domains: readonly string[];
}

export type LeftOutReason = 'own' | 'free-mail' | 'automated' | 'no-domain';

export interface CompanyDomain {
  /** Registrable domain to match leads by ("mail.acme.co.uk" -> "acme.co.uk"). */
  domain: string;
  /** The thread's participants at that domain, with their names as the page shows them. */
  people: MailAddress[];
}

export interface ThreadCompanies {
  domains: CompanyDomain[];
  leftOut: Array<{ address: string; reason: LeftOutReason }>;
}

/** The mailbox's registrable domain, null when it has none (an IP literal, a private host). */
export function domainOfAddress(address: string): string | null {
  const host = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return host ? registrableDomain(host) : null;
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain) || MORE_FREE_MAIL.has(domain);
}

/** True for senders nobody answers: "noreply@", "notifications@github.com", "系统通知 <…>", bounce hosts. */
export function isAutomatedSender(mailbox: MailAddress): boolean {
  const at = mailbox.address.lastIndexOf('@');
  const local = mailbox.address.slice(0, at);
  const host = mailbox.address.slice(at + 1);
  return AUTOMATED_LOCAL.test(local) || AUTOMATED_HOST.test(host) || (mailbox.name !== null && AUTOMATED_NAME.test(mailbox.name));
}

/** "jane.doe+crm@acme.com" -> "jane.doe@acme.com"; Gmail ignores dots and googlemail.com is gmail.com. */
export function canonicalAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  let local = lower.slice(0, at).split('+')[0]!;
  let host = lower.slice(at + 1);
  if (host === 'googlemail.com') host = 'gmail.com';
  if (host === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${host}`;
}

/** A test for "the rep's or a colleague's address" (one of the company's own domains), built once per identity. */
export function ownAddressTest(own: OwnIdentity): (address: string) => boolean {
  const addresses = new Set(own.addresses.map(canonicalAddress));
  const domains = ownDomains(own);
  return (address) => {
    if (addresses.has(canonicalAddress(address))) return true;
    const domain = domainOfAddress(address);
    return domain !== null && domains.has(domain);
  };
}

/** Sent by the rep or a colleague: outbound; anything else: inbound. */
export function messageDirection(message: Pick<WebmailMessage, 'sender'>, own: OwnIdentity): 'inbound' | 'outbound' {
  return ownAddressTest(own)(message.sender.address) ? 'outbound' : 'inbound';
}

/**
 * Everyone on the thread once: senders (also of collapsed messages), recipients, and the senders named in
 * quoted or forwarded history; the first name seen wins.
 */
export function threadParticipants(thread: Pick<WebmailThread, 'messages' | 'unexpanded'>): MailAddress[] {
  const seen = new Map<string, MailAddress>();
  const add = (mailbox: MailAddress | null) => {
    if (!mailbox) return;
    const existing = seen.get(mailbox.address);
    if (existing) existing.name ??= mailbox.name;
    else seen.set(mailbox.address, { ...mailbox });
  };
  for (const message of thread.messages) {
    add(message.sender);
    message.to.forEach(add);
    message.cc.forEach(add);
    historySenders(message.bodyText).forEach(add);
  }
  thread.unexpanded.forEach((item) => add(item.sender));
  return [...seen.values()];
}

/**
 * The companies on a thread, as registrable domains to match leads by: leaving out the rep's own addresses
 * and domains, free-mail domains (lib/dedup's list: a gmail.com address says nothing of its company) and
 * senders nobody answers (no-reply, notifications, bounces), so that none of them becomes a junk lead.
 */
export function companyDomains(participants: readonly MailAddress[], own: OwnIdentity): ThreadCompanies {
  const byDomain = new Map<string, MailAddress[]>();
  const leftOut: ThreadCompanies['leftOut'] = [];
  const isOwn = ownAddressTest(own);
  for (const mailbox of participants) {
    const domain = domainOfAddress(mailbox.address);
    const reason: LeftOutReason | null = !domain
      ? 'no-domain'
      : isOwn(mailbox.address)
        ? 'own'
        : isAutomatedSender(mailbox)
          ? 'automated'
          : isFreeMailDomain(domain)
            ? 'free-mail'
            : null;
    if (reason || !domain) {
      leftOut.push({ address: mailbox.address, reason: reason ?? 'no-domain' });
      continue;
    }
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), mailbox]);
  }
  return { domains: [...byDomain].map(([domain, people]) => ({ domain, people })), leftOut };
}

/** The rep's company domains: the ones set, and those of the rep's own addresses that are not free mail. */
function ownDomains(own: OwnIdentity): Set<string> {
  const domains = new Set<string>();
  for (const domain of own.domains) {
    const registrable = registrableDomain(domain.trim().toLowerCase());
    if (registrable) domains.add(registrable);
  }
  for (const address of own.addresses) {
    const domain = domainOfAddress(address);
    if (domain && !isFreeMailDomain(domain)) domains.add(domain);
  }
  return domains;
}
