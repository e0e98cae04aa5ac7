import { useState } from 'react';
import { browser } from 'wxt/browser';
import { BADGE_PERMISSION } from '@/lib/badge';
import type { Settings } from '@/lib/schema';
import { saveSettings } from '@/lib/settings';
import { useTranslate } from './use-translate';

/**
 * The opt-in for the toolbar badge. It asks for the `tabs` permission at the moment the rep turns it on (the
 * browser requires a click for that) and gives it back when they turn it off; the choice is saved at once.
 */
export function ToolbarBadgeOption({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const t = useTranslate();
  const [note, setNote] = useState('');

  async function toggle(on: boolean) {
    setNote('');
    try {
      if (on && !(await browser.permissions.request({ permissions: [...BADGE_PERMISSION.permissions] }))) {
        setNote(t('optionsBadgeDenied'));
        return;
      }
      if (!on) await browser.permissions.remove({ permissions: [...BADGE_PERMISSION.permissions] }).catch(() => false);
      onSaved(await saveSettings({ ...settings, toolbarBadge: on }));
    } catch (error) {
      setNote(t('errorPrefix', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <fieldset className="space-y-2 rounded border border-gray-200 p-3" data-testid="toolbar-badge">
      <legend className="px-1 text-xs font-medium text-gray-600">{t('optionsToolbar')}</legend>
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" name="toolbarBadge" checked={settings.toolbarBadge} onChange={(e) => void toggle(e.target.checked)} />
        {t('optionsBadge')}
      </label>
      <p className="text-gray-600">{t('optionsBadgeHelp')}</p>
      {note ? <p role="alert" className="text-red-700">{note}</p> : null}
    </fieldset>
  );
}
