import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from '@/lib/enrich/industries';
import { latinKeywordsIn } from '@/lib/enrich/industry';

/** The plain reading of "keywords as whole words": one regex per industry, its keywords in list order. */
function byRegex(text: string): Array<string[] | undefined> {
  return INDUSTRIES.map((industry) => {
    const latin = industry.keywords.filter((word) => !/\p{Script=Han}/u.test(word)).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (latin.length === 0) return undefined;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${latin.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    const found: string[] = [];
    for (const match of text.matchAll(pattern)) if (found.length < 4 && !found.includes(match[1]!)) found.push(match[1]!);
    return found.length ? found : undefined;
  });
}

const keywords = INDUSTRIES.flatMap((industry) => industry.keywords);
const pieces = fc.oneof(
  { arbitrary: fc.constantFrom(...keywords), weight: 4 },
  fc.constantFrom(' ', ', ', '-', '.', '\n', 'x', 's', '2', 'über', '公司'),
  fc.string({ maxLength: 6 }),
);

describe('industry keywords in a text', () => {
  it('finds what one regex per industry finds, for any mix of keywords, word pieces and punctuation', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('').toLowerCase();
        const found = latinKeywordsIn(text);
        expect(INDUSTRIES.map((_, i) => found[i])).toEqual(byRegex(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes a keyword only as a whole word, and a longer listed phrase over the words inside it', () => {
    const found = latinKeywordsIn('we sell used cars, carpets and e-commerce software');
    const automotive = INDUSTRIES.findIndex((industry) => industry.id === 'automotive');
    expect(found[automotive]).toEqual(['used cars']);
  });
});
