import { parseHTML } from 'linkedom';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/Popup';

let root: Root | undefined;

/** Unmounts the popup a test opened (call in afterEach, before the globals are unstubbed). */
export function closePopup(): void {
  act(() => root?.unmount());
  root = undefined;
}

export interface PopupOptions {
  /** The active tab's address. */
  tabUrl?: string;
  /** popup.html's query string (`?lead=ID` opens one lead). */
  search?: string;
  /** Every message fails as it does when the service worker is gone. */
  backgroundDown?: boolean;
  /** How long the popup is given to settle after each step. */
  settleMs?: number;
}

/**
 * The real popup rendered into a linkedom document, talking to a background in this process the way it talks
 * to the service worker: `raw` answers every message (through handleMessage and its validation).
 */
export async function openPopup(raw: (type: string, data: unknown) => Promise<unknown>, options: PopupOptions = {}) {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('navigator', { language: 'en-US' });
  vi.stubGlobal('location', new URL(`chrome-extension://sidecar/popup.html${options.search ?? ''}`));
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  const sent: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; data: unknown }) => {
    sent.push(message.type);
    if (options.backgroundDown) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    return raw(message.type, message.data);
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: options.tabUrl ?? 'https://shop.acme-robotics.com/cart' }] as never);
  root = createRoot(document.getElementById('root')!);
  await act(async () => root!.render(<Popup />));
  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 50)));
  await settle();
  const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  /** The text of `id` once it reads `expected`: what the popup asks the team server for arrives when it arrives. */
  const eventually = async (id: string, expected: string) => {
    for (let tries = 0; tries < 50 && text(id) !== expected; tries++) await settle();
    return text(id);
  };
  const click = async (element: Element | null | undefined) => {
    if (!element) throw new Error('nothing to click');
    await act(async () => void element.dispatchEvent(new window.Event('click', { bubbles: true })));
    await settle();
  };
  const button = (label: string, within: ParentNode = document) => [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  /** Types into an input or picks an option of a select. */
  const choose = async (field: Element | null, value: string) => {
    // React's onChange is not reached by a dispatched input or change event in linkedom: call the handler React attached.
    const props = Object.entries(field ?? {}).find(([key]) => key.startsWith('__reactProps'))?.[1] as { onChange: (event: unknown) => unknown } | undefined;
    if (!props) throw new Error('nothing to type into or choose from');
    await act(async () => void (await props.onChange({ target: { value } })));
    await settle();
  };
  return { document, window, sent, byTestId, text, eventually, click, button, choose, settle };
}
