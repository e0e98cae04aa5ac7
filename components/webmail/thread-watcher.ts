import type { ComposeRead, ThreadRead, WebmailAdapter } from '@/lib/webmail';

/** How long DOM mutations are gathered before the one cheap check runs: webmail pages mutate constantly. */
export const CHECK_DELAY_MS = 250;

export interface ThreadWatch {
  /** Reads the page now (first render, or a navigation event). */
  check(): void;
  stop(): void;
}

/** The first compose window that has recipients, while no thread is open (a new email being written). */
function composeOf(doc: Document, adapter: WebmailAdapter): ComposeRead | null {
  return adapter.readCompose(doc).find((compose) => compose.to.length + compose.cc.length + compose.bcc.length > 0) ?? null;
}

const recipientsKey = (compose: ComposeRead | null) =>
  compose ? [...compose.to, ...compose.cc, ...compose.bcc].map((address) => address.address).join(',') : '';

/**
 * Watches a webmail page for the open thread (or, with none open, a new email's recipients) changing. A DOM
 * mutation only sets a timer (no reading); when it fires, `threadSignature` (a few attribute reads and counts)
 * is compared with the last one, and only a changed signature reads the thread. With no thread open, the
 * compose windows' recipient chips are read instead (a few queries): the panel follows who the email is to.
 * Gmail routes by hash, Outlook by the History API: both end in DOM mutations too.
 */
export function watchThread(
  doc: Document,
  adapter: WebmailAdapter,
  onChange: (read: ThreadRead | null, account: string | null, compose: ComposeRead | null) => void,
  options: { url?: () => string; delayMs?: number } = {},
): ThreadWatch {
  const url = options.url ?? (() => doc.location?.href ?? '');
  const delay = options.delayMs ?? CHECK_DELAY_MS;
  let last: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const check = () => {
    timer = null;
    const href = url();
    const thread = adapter.threadSignature(doc, href);
    const compose = thread ? null : composeOf(doc, adapter);
    const signature = thread || (compose ? `compose|${recipientsKey(compose)}` : '');
    if (signature === last) return;
    last = signature;
    onChange(thread ? adapter.readThread(doc, href) : null, adapter.readAccountAddress(doc), compose);
  };
  const schedule = () => {
    if (timer === null) timer = setTimeout(check, delay);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-expanded', 'data-message-id', 'data-convid', 'aria-selected', 'style'] });
  const window = doc.defaultView;
  window?.addEventListener('hashchange', schedule);
  window?.addEventListener('popstate', schedule);
  return {
    check,
    stop() {
      observer.disconnect();
      window?.removeEventListener('hashchange', schedule);
      window?.removeEventListener('popstate', schedule);
      if (timer !== null) clearTimeout(timer);
    },
  };
}
