import { createRoot, type Root } from 'react-dom/client';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { WebmailPanel } from '@/components/webmail/WebmailPanel';
import { watchThread } from '@/components/webmail/thread-watcher';
import { remToPx } from '@/lib/ui/rem-to-px';
import { adapterForHost, type ComposeRead, type ThreadRead } from '@/lib/webmail';
import styles from '@/components/styles.css?inline';

// Fixed to the right edge below the webmail's own header; sized by the panel, so a hidden panel is a small tab.
const HOST_CSS = ':host{display:block!important;position:fixed!important;top:72px!important;right:0!important;z-index:2147483646!important;}';

export default defineContentScript({
  // Webmail only (lib/webmail adapters' match patterns); the host permissions are these four and nothing else.
  matches: ['https://mail.google.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const adapter = adapterForHost(location.host);
    if (!adapter) return;
    let state: { read: ThreadRead | null; account: string | null; compose: ComposeRead | null } = { read: null, account: null, compose: null };
    let root: Root | null = null;
    const render = () => root?.render(<WebmailPanel read={state.read} account={state.account} compose={state.compose} />);

    const ui = await createShadowRootUi<Root>(ctx, {
      name: 'sidecar-webmail',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      // Pixels, not rem: the webmail's root font size must not resize the panel (as in the sidebar).
      css: `${remToPx(styles)}\n${HOST_CSS}`,
      // Typing in the panel must not trigger Gmail's or Outlook's keyboard shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input'],
      onMount(container) {
        root = createRoot(container);
        render();
        return root;
      },
      onRemove(mounted) {
        mounted?.unmount();
        root = null;
      },
    });

    const watch = watchThread(document, adapter, (read, account, compose) => {
      state = { read, account, compose };
      // Shown only while a thread is open or a new email has recipients: the inbox list stays as the webmail made it.
      const wanted = read !== null || compose !== null;
      if (wanted && !ui.mounted) ui.mount();
      else if (!wanted && ui.mounted) ui.remove();
      else render();
    });
    ctx.onInvalidated(() => watch.stop());
    watch.check();
  },
});
