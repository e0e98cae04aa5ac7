import { parseHTML } from 'linkedom';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ToolbarBadgeOption } from '@/components/ToolbarBadgeOption';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schema';
import { loadSettings, saveSettings } from '@/lib/settings';

let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const DENIED = 'The browser did not grant access to tab addresses, so the badge stays off.';

/** The options page's wiring of the opt-in: its settings in state, replaced by what the option saved. */
function OptionsHost({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  return <ToolbarBadgeOption settings={settings} onSaved={(saved) => setSettings({ ...settings, toolbarBadge: saved.toolbarBadge })} />;
}

/** The browser's answer to the permission prompt, and its removal of a permission, as spies. */
function permissionsBrowser(request: () => Promise<boolean>) {
  return {
    request: vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request as never),
    remove: vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never),
  };
}

async function renderOption() {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('navigator', { language: 'en-US' });
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  const initial = await loadSettings();
  root = createRoot(document.getElementById('root')!);
  await act(async () => root!.render(<OptionsHost initial={initial} />));
  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
  await settle();
  const checkbox = () => document.querySelector('input[name="toolbarBadge"]') as unknown as { checked: boolean };
  const note = () => document.querySelector('[data-testid="toolbar-badge"] [role="alert"]')?.textContent ?? null;
  const tick = async (checked: boolean) => {
    // React's onChange is not reached by a dispatched change event in linkedom: call the handler React attached.
    const props = Object.entries(checkbox() as object).find(([key]) => key.startsWith('__reactProps'))?.[1] as { onChange: (event: unknown) => void };
    await act(async () => props.onChange({ target: { checked } }));
    await settle();
  };
  return { checkbox, note, tick };
}

describe('the toolbar badge opt-in on the options page', () => {
  it('asks the browser for tab addresses when turned on, and once granted saves the badge on', async () => {
    const browser = permissionsBrowser(async () => true);
    const option = await renderOption();
    expect(option.checkbox().checked).toBe(false);

    await option.tick(true);

    expect(browser.request).toHaveBeenCalledWith({ permissions: ['tabs'] });
    expect((await loadSettings()).toolbarBadge).toBe(true);
    expect(option.checkbox().checked).toBe(true);
    expect(option.note()).toBeNull();
  });

  it('when the rep declines the browser’s prompt, the badge stays off and the page says why', async () => {
    const browser = permissionsBrowser(async () => false);
    const option = await renderOption();

    await option.tick(true);

    expect(browser.request).toHaveBeenCalledWith({ permissions: ['tabs'] });
    expect((await loadSettings()).toolbarBadge).toBe(false);
    expect(option.checkbox().checked).toBe(false);
    expect(option.note()).toBe(DENIED);
  });

  it('turning it off gives the permission back and saves the badge off, without asking anything', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Li Wei', toolbarBadge: true });
    const browser = permissionsBrowser(async () => true);
    const option = await renderOption();
    expect(option.checkbox().checked).toBe(true);

    await option.tick(false);

    expect(browser.remove).toHaveBeenCalledWith({ permissions: ['tabs'] });
    expect(browser.request).not.toHaveBeenCalled();
    expect(await loadSettings()).toMatchObject({ toolbarBadge: false, repName: 'Li Wei' });
    expect(option.checkbox().checked).toBe(false);
  });

  it('a prompt that fails (no click to ask on) is reported, and the badge stays off', async () => {
    permissionsBrowser(async () => {
      throw new Error('This function must be called during a user gesture');
    });
    const option = await renderOption();

    await option.tick(true);

    expect((await loadSettings()).toolbarBadge).toBe(false);
    expect(option.checkbox().checked).toBe(false);
    expect(option.note()).toBe('Could not complete that: This function must be called during a user gesture');
  });
});
