export type { MessageKey } from './en';
export { isMessageKey, resolveLocale, translator, type Translate } from './translate';
