import { useEffect, useState } from 'react';
import { resolveLocale, translator, type Translate } from '@/lib/i18n';
import { loadSettings, watchSettings } from '@/lib/settings';

/** The translate function for the rep's language, following changes made in the options page. */
export function useTranslate(): Translate {
  const [t, setT] = useState<Translate>(() => translator(resolveLocale(null, navigator.language)));
  useEffect(() => {
    const apply = (locale: Parameters<typeof resolveLocale>[0]) => setT(() => translator(resolveLocale(locale, navigator.language)));
    void loadSettings().then((settings) => apply(settings.locale));
    return watchSettings((settings) => apply(settings.locale));
  }, []);
  return t;
}
