import { createRoot, type Root } from 'react-dom/client';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Sidebar } from '@/components/Sidebar';
import { extractCompany } from '@/lib/capture';
import { remToPx } from '@/lib/ui/rem-to-px';
import styles from '@/components/styles.css?inline';

const SIDEBAR_WIDTH = 380;

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
      css: remToPx(styles),
      // Typing in the sidebar must not trigger the page's keyboard shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input'],
      onMount(container, _shadow, host) {
        Object.assign(host.style, {
          position: 'fixed',
          top: '0',
          right: '0',
          height: '100vh',
          width: `${SIDEBAR_WIDTH}px`,
          maxWidth: '100vw',
          zIndex: '2147483647',
        });
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
