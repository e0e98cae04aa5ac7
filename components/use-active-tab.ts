import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export interface ActiveTab {
  id: number;
  url: string | null;
}

/** The tab the popup was opened over. Its URL is readable thanks to activeTab, granted by the toolbar click. */
export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([active]) => {
      if (active?.id !== undefined) setTab({ id: active.id, url: active.url ?? null });
    });
  }, []);
  return tab;
}
