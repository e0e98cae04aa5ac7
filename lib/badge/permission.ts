import { browser } from 'wxt/browser';

/**
 * Reading the URL of the tab the rep switches to needs `tabs`, which the store build only asks for when the
 * rep turns the toolbar badge on (an optional permission; activeTab covers everything else).
 */
export const BADGE_PERMISSION = { permissions: ['tabs'] } as const;

export async function hasBadgePermission(): Promise<boolean> {
  return browser.permissions.contains({ permissions: [...BADGE_PERMISSION.permissions] });
}
