import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export interface ActiveTab {
  id: number;
  url: string | null;
}

/**
 * The tab the popup was opened over; its URL is readable thanks to activeTab, granted by the toolbar click.
 * `popup.html?tab=ID` names the tab instead, for the popup opened as a page (keyboard users, tests).
 */
export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    const named = Number(new URLSearchParams(location.search).get('tab'));
    const lookup = Number.isInteger(named) && named > 0
      ? browser.tabs.get(named).then((found) => [found])
      : browser.tabs.query({ active: true, lastFocusedWindow: true });
    void lookup
      .then(([found]) => {
        if (found?.id !== undefined) setTab({ id: found.id, url: found.url ?? null });
      })
      .catch(() => setTab(null));
  }, []);
  return tab;
}
