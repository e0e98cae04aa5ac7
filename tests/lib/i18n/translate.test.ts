import { resolveLocale, translator } from '@/lib/i18n';
import { en } from '@/lib/i18n/en';
import { zhCN } from '@/lib/i18n/zh-CN';

describe('English and Simplified Chinese UI strings', () => {
  it('has a Chinese string for every English one, with the same placeholders', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(zhCN[key], key).toBeTruthy();
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('follows the browser language unless the rep chose one', () => {
    expect(resolveLocale(null, 'zh-CN')).toBe('zh_CN');
    expect(resolveLocale(null, 'zh-Hans-CN')).toBe('zh_CN');
    expect(resolveLocale(null, 'en-GB')).toBe('en');
    expect(resolveLocale(null, undefined)).toBe('en');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale('zh_CN', 'de-DE')).toBe('zh_CN');
  });

  it('fills placeholders', () => {
    expect(translator('en')('saved', { code: 'LX2026001' })).toBe('Saved as LX2026001');
    expect(translator('zh_CN')('saved', { code: 'LX2026001' })).toBe('已保存为 LX2026001');
    expect(translator('zh_CN')('stage_negotiation')).toBe('商务谈判');
  });

  it('ships the extension name and command description in both languages', async () => {
    const { readFile } = await import('node:fs/promises');
    const load = async (locale: string) => JSON.parse(await readFile(`public/_locales/${locale}/messages.json`, 'utf8'));
    const [english, chinese] = await Promise.all([load('en'), load('zh_CN')]);
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  });
});
