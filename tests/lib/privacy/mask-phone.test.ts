import fc from 'fast-check';
import { companyPhonesOf, isPersonalNumber, maskCapture, maskNumbersInText, maskPersonalPhones, maskPhone } from '@/lib/privacy';
import { PageCapture } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

describe('masking contact phone numbers (shared/domain.md §7)', () => {
  it.each([
    ['+86 10 6608 5678', '010-****5678'],
    ['010-12345678', '010-****5678'],
    ['+86 755 8888 6666', '0755-****6666'],
    ['+86 138 0013 8000', '138****8000'],
    ['13800138000', '138****8000'],
    ['+86 400 669 5599', '400-****5599'],
    ['+1 415 555 0134', '+1 415 ****0134'],
    ['+44 20 7084 1810', '+44 20 ****1810'],
  ])('keeps the area code and last four digits of %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
    expect(maskPhone(masked)).toBe(masked);
  });

  it('never shows more than four digits of a number it cannot parse', () => {
    const masked = maskPhone('ext. 99-1234-5678-90');
    expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(6);
    expect(masked.endsWith('7890')).toBe(true);
  });

  it('finds a number in text however it is written, and leaves the numbers beside it alone', () => {
    const text = '张经理 138-0013-8000 / +86 138 0013 8000 / 13800138000 0755-88886666';
    expect(maskNumbersInText(text, ['+86 138 0013 8000'])).toBe('张经理 138****8000 / 138****8000 / 138****8000 0755-88886666');
  });

  it("tells people's numbers from the company's lines", () => {
    expect(isPersonalNumber('+86 138 0013 8000')).toBe(true);
    expect(isPersonalNumber('+61 412 345 678', 'mobile')).toBe(true);
    expect(isPersonalNumber('+86 10 6608 5566')).toBe(false);
    expect(isPersonalNumber('+86 400 669 5599', 'toll_free')).toBe(false);
    expect(maskPersonalPhones(['13800138000', '+86 10 6608 5566'])).toEqual(['138****8000', '+86 10 6608 5566']);
  });

  it("masks people's numbers in a stored capture everywhere they appear, keeping switchboards and the page URL", () => {
    const capture = PageCapture.parse({
      ...makeCapture({ url: 'https://www.huarui.cn/contact', domain: 'huarui.cn', name: '华瑞电子', phones: [] }),
      fields: {
        ...makeCapture().fields,
        phones: [
          { value: '+86 755 8888 6666', source: 'text', snippet: '总机：0755-88886666', confidence: 0.8, kind: 'phone' },
          { value: '+86 138 0013 8000', source: 'text', snippet: '联系人：张经理 138-0013-8000', confidence: 0.8, kind: 'mobile' },
        ],
        people: [{ name: { value: '张经理', source: 'text', snippet: '联系人：张经理 138-0013-8000', confidence: 0.8 }, phones: ['+86 138 0013 8000'], emails: [] }],
        foundingYear: { value: 2003, source: 'text', snippet: '电话：13800138000 成立于2003年', confidence: 0.75 },
      },
      mainText: '联系我们 总机：0755-88886666 联系人：张经理 138-0013-8000',
    });
    const stored = maskCapture(capture);
    const text = JSON.stringify(stored);
    expect(text).not.toMatch(/0013|00138000/);
    expect(stored.fields.people[0]!.phones).toEqual(['138****8000']);
    expect(stored.fields.phones.map((p) => p.value)).toEqual(['+86 755 8888 6666', '138****8000']);
    expect(stored.mainText).toContain('0755-88886666');
    expect(stored.fields.foundingYear).toMatchObject({ value: 2003, snippet: '电话：138****8000 成立于2003年' });
    expect(stored.url).toBe('https://www.huarui.cn/contact');
    expect(companyPhonesOf(capture, true)).toEqual(['+86 755 8888 6666', '138****8000']);
    expect(companyPhonesOf(capture, false)).toEqual(['+86 755 8888 6666', '+86 138 0013 8000']);
  });

  it("keeps a company line whole when the page prints it next to a contact's name", () => {
    const capture = PageCapture.parse({
      ...makeCapture({ url: 'https://www.huarui.cn/contact', domain: 'huarui.cn', name: '华瑞电子', phones: [] }),
      fields: {
        ...makeCapture().fields,
        phones: [
          { value: '+86 138 0013 8000', source: 'text', snippet: '', confidence: 0.9, kind: 'mobile' },
          { value: '+86 755 8888 6666', source: 'text', snippet: '总机：0755-88886666', confidence: 0.8, kind: 'phone' },
          { value: '+86 755 2222 3333', source: 'text', snippet: '直线：0755-22223333', confidence: 0.8, kind: 'phone' },
        ],
        people: [{ name: { value: '张经理', source: 'text', snippet: '', confidence: 0.8 }, phones: ['+86 138 0013 8000', '+86 755 8888 6666'], emails: [] }],
      },
    });
    expect(companyPhonesOf(capture, true)).toEqual(['138****8000', '+86 755 8888 6666', '+86 755 2222 3333']);
    expect(maskCapture(capture).fields.people[0]!.phones).toEqual(['138****8000', '+86 755 8888 6666']);
  });
});

describe('masking numbers in text, however the page writes them', () => {
  /** A mobile written in groups (3-4-4, 3-8, ...) with up to two separators between them, inside random text. */
  const writtenNumber = fc.record({
    digits: fc.constantFrom('13800138000', '13912345678', '15088886666'),
    groups: fc.constantFrom([3, 4, 4], [3, 8], [11], [3, 3, 5], [4, 3, 4]),
    seps: fc.array(fc.constantFrom(' ', '-', '.', '  ', '- ', ') '), { minLength: 2, maxLength: 2 }),
    prefix: fc.constantFrom('', '+86 ', '0', '+86-', '(0)'),
    before: fc.string({ maxLength: 12 }),
    after: fc.string({ maxLength: 12 }),
  });

  it('masks a number written in any grouping, and only the digits it must', () => {
    fc.assert(
      fc.property(writtenNumber, ({ digits, groups, seps, prefix, before, after }) => {
        let at = 0;
        const written = groups.map((size) => digits.slice(at, (at += size))).reduce((text, group, i) => `${text}${seps[i - 1]}${group}`);
        const text = `${before.replace(/\d/g, 'x')} ${prefix}${written} ${after.replace(/\d/g, 'x')}`;
        const masked = maskNumbersInText(text, [digits]);
        expect(masked.replace(/\D/g, '')).not.toContain(digits);
        expect(masked).toContain(`****${digits.slice(-4)}`);
        expect(masked.startsWith(before.replace(/\d/g, 'x'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
