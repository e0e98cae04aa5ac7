import type { Locale } from '../schema';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';

const catalogs: Record<Locale, Messages> = { en, zh_CN: zhCN };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The UI language: the rep's choice, else the browser's ("zh", "zh-CN", "zh-Hans-CN" -> zh_CN), else English. */
export function resolveLocale(choice: Locale | null, browserLanguage: string | undefined): Locale {
  if (choice) return choice;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

/** Whether a key built at run time (basis_<id> from a provider) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = catalog[key] ?? en[key];
    return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : template;
  };
}
