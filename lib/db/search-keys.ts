/**
 * Keys for the multi-entry name index, so that a prefix query finds a company by any word of its name.
 * Chinese names have no spaces and reps type a part from the middle ("腾讯" for "深圳市腾讯计算机系统有限公司"),
 * so every suffix of a run of Han characters is a key, and a prefix query on the suffixes is a substring search.
 */
const HAN_RUN = /[\p{Script=Han}]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_SUFFIX_LENGTH = 12;
const MAX_KEYS = 64;

export function normaliseForSearch(text: string): string {
  // NFKC folds full-width letters and digits ("ＡＢＣ" -> "ABC") the way Chinese input methods produce them.
  return text.normalize('NFKC').toLowerCase();
}

export function searchKeysFor(...names: Array<string | null | undefined>): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const text = normaliseForSearch(name);
    for (const [run] of text.matchAll(HAN_RUN)) {
      const chars = [...run];
      for (let start = 0; start < chars.length; start++) {
        keys.add(chars.slice(start, start + MAX_SUFFIX_LENGTH).join(''));
      }
    }
    for (const [word] of text.replace(HAN_RUN, ' ').matchAll(WORD)) keys.add(word);
    const whole = text.trim();
    if (whole) keys.add(whole.slice(0, 100));
  }
  return [...keys].slice(0, MAX_KEYS);
}
