export type { MessageKey } from './en';
export { resolveLocale, translator, type Translate } from './translate';
