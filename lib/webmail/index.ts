import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import type { WebmailAdapter } from './types';

export { gmailAdapter } from './gmail';
export { outlookAdapter } from './outlook';
export * from './types';
export { LIMITS as WEBMAIL_LIMITS } from './limits';
export { parseAddressList, parseMailbox } from './addresses';
export { companyDomains, domainOfAddress, isAutomatedSender, isFreeMailDomain, messageDirection, ownAddressTest, threadParticipants } from './participants';
export type { CompanyDomain, LeftOutReason, OwnIdentity, ThreadCompanies } from './participants';
export { parseSignature } from './signature';
export type { ParsedSignature, SignatureHints } from './signature';
export { BodyRetention, DEFAULT_WEBMAIL_PRIVACY, NeverLogEntry, WebmailPrivacy, neverLogTest } from './privacy';
export { DraftNoteCode, EmailActivityDraft, buildEmailActivityDraft, buildManualEmailDraft } from './email-activity';
export type { DraftNote, EmailDraftInput, EmailDraftResult } from './email-activity';
export { emailExternalKey, manualExternalKey, parseEmailExternalKey, threadKeyOf } from './external-key';

const ADAPTERS: readonly WebmailAdapter[] = [gmailAdapter, outlookAdapter];

/** The adapter for a page's host: mail.google.com, outlook.office.com, outlook.office365.com, outlook.live.com. */
export function adapterForHost(host: string): WebmailAdapter | null {
  const lower = host.toLowerCase();
  return ADAPTERS.find((adapter) => adapter.matches.some((pattern) => new URL(pattern.replace('/*', '/')).hostname === lower)) ?? null;
}
