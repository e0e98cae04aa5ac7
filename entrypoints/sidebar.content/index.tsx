import { createRoot, type Root } from 'react-dom/client';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Sidebar } from '@/components/Sidebar';
import { extractCompany } from '@/lib/capture';
import { remToPx } from '@/lib/ui/rem-to-px';
import styles from '@/components/styles.css?inline';

const SIDEBAR_WIDTH = 380;
const HOST_CSS = `:host{display:block!important;position:fixed!important;top:0!important;right:0!important;height:100vh!important;width:${SIDEBAR_WIDTH}px!important;max-width:100vw!important;z-index:2147483647!important;}`;

/** Lives in the content script's isolated world, so the page cannot reach or fake it. */
interface SidebarHandle {
  show(): void;
}
const HANDLE = Symbol.for('sidecar.sidebar');
type Scope = typeof globalThis & { [HANDLE]?: SidebarHandle };

export default defineContentScript({
  // Injected on demand by the background after a user gesture; never declared for every site.
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  async main(ctx) {
    const scope = globalThis as Scope;
    if (scope[HANDLE]) return scope[HANDLE].show();

    const ui = await createShadowRootUi<Root>(ctx, {
      name: 'sidecar-sidebar',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      // rem would follow the page's root font size; pixels keep the sidebar the same size on every site.
      // The host is placed by this rule, not by inline styles: WXT's shadow-root reset (`:host{all:initial
      // !important}`) beats inline styles, which left the sidebar in the page flow below the footer. Important
      // rules inside the shadow root also beat the page's own, so a page cannot hide or move the sidebar.
      css: `${remToPx(styles)}\n${HOST_CSS}`,
      // Typing in the sidebar must not trigger the page's keyboard shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input'],
      onMount(container) {
        container.style.height = '100%';
        const root = createRoot(container);
        // Read the page when the rep asks for it, not before: the capture is a snapshot of this moment.
        const render = () => root.render(<Sidebar capture={extractCompany(document, location.href)} onClose={() => ui.remove()} />);
        render();
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
    scope[HANDLE] = {
      show() {
        ui.remove();
        ui.mount();
      },
    };
  },
});
