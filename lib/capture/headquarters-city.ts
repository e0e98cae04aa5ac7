/**
 * Where a company says it is, in a sentence about itself: "FinCar is based in Sydney", "ioSafe is a privately
 * held company with headquarters in Auburn California", "Wir sind ein Familienunternehmen mit Sitz in München",
 * "总部位于深圳市", or an imprint's seat line ("Sitz der Gesellschaft: München"). Only a sentence whose subject is the company (its name as its domain spells it, "we", "our
 * company") counts: "we serve clients based in London" names the clients' city, not the company's.
 */

export interface HeadquartersCity {
  city: string;
  region?: string;
  country?: string;
  snippet: string;
  line: number;
}

const MAX_FOUND = 3;
const MAX_LINES = 5_000;
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]{1,25}`;
/** The phrase and the capitalised place after it (up to four words), with an optional ", Region". */
const PHRASE = new RegExp(
  String.raw`(?:\b(?:head-?quartered|based|located|situated|headquarters|head office|main office)(?: (?:is|are))? in|\bmit (?:Sitz|Hauptsitz) in|\bansässig in|\b(?:basée?|située?|implantée?|installée?)s? à|\bsiège(?: social)?(?: est)? à|\bcon sede (?:a|in|en)|\bgevestigd in)` +
    String.raw` (${WORD}(?: (?:(?:am|an der|im|upon|sur|aan den|aan de) )?${WORD}){0,3})(?:,? (${WORD}(?: ${WORD})?))?`,
  'gu',
);
/** "Sitz der Gesellschaft: München", "Registered office: London", "Siège social : Lyon" — an imprint's seat line. */
const SEAT_LABEL = new RegExp(
  String.raw`(?:^|[|·•;]\s*)(?:Sitz(?: der Gesellschaft)?|Firmensitz|Hauptsitz|Siège(?: social)?|Sede(?: legale)?|Domicilio social|Registered office|Headquarters|Head office|HQ)\s*[:：]\s*` +
    String.raw`(${WORD}(?: (?:(?:am|an der|im|upon|sur|aan den|aan de) )?${WORD}){0,3})(?:,? (${WORD}(?: ${WORD})?))?`,
  'u',
);
const CHINESE = /(?:总部|总公司|公司)(?:位于|设在|坐落于|地处)(?:中国)?((?:北京|上海|天津|重庆|香港|澳门)(?:市)?|\p{Script=Han}{2,3}市)/u;
const PARTICIPLE = /^(?:head-?quartered|based|located|situated|ansässig|basée?s?|située?s?|implantée?s?|installée?s?|gevestigd)\b/iu;
const BE_BEFORE = /(?:\b(?:is|are|was|were|been|ist|sind|war|est|sont|sommes|è|sono|es|son|somos|zijn|zit|zitten)(?: \p{L}+ly)?|['’]re|['’]s|,)\s*$/iu;
/** Who a sentence may be about: the company itself. */
const SELF =
  /^(?:we|we're|we’re|wir|nous|noi|nosotros|wij|the (?:company|firm|group)|das unternehmen|die firma|la société|l['’]entreprise|l['’]azienda|la empresa|het bedrijf|our (?:company|firm|group|business|headquarters|head office|main office|offices?|team|factory|plant)|unser(?:e)? (?:unternehmen|firma|hauptsitz|büro|firmensitz)|notre (?:société|entreprise|siège|bureau)|la nostra (?:azienda|sede|società)|nuestra (?:empresa|sede|oficina)|(?:ons|onze) (?:bedrijf|kantoor|vestiging|hoofdkantoor))\b/iu;
/** Places that are not a city. */
const NOT_CITY =
  /^(?:the|a|an|Europe|Asia|Africa|America|North America|South America|Latin America|Oceania|Silicon Valley|EMEA|APAC|USA|US|UK|EU|Germany|Deutschland|France|Italy|Italia|Spain|España|Netherlands|China|Japan|India|Canada|Australia|United States|United Kingdom|Switzerland|Austria|Belgium|Building|Suite|Room|Floor|Unit|Our|Your|This|Each|Every|More|Over)(?:\s|$)/u;
const US_STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE', florida: 'FL', georgia: 'GA',
  hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA', kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD',
  massachusetts: 'MA', michigan: 'MI', minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH',
  'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR',
  pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT',
  virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY',
};

const squash = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
/** As German domains spell umlauts: "Brückner" -> "brueckner". */
const squashGerman = (text: string) => squash(text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'));

/** Whether the sentence before a phrase is about the company: its first words spell the domain's name, or "we". */
function aboutTheCompany(before: string, companyLabel: string): boolean {
  // Bracketed asides ("(ABN 67 107 751 931. Licence: 387894)") hold full stops that are not sentence ends.
  const sentence = before.replace(/\([^()]{0,160}\)/g, ' ').split(/[.!?;]\s+(?=[\p{L}"“])/u).pop()!.trim();
  if (SELF.test(sentence)) return true;
  if (companyLabel.length < 3) return false;
  const words = sentence.split(/\s+/).slice(0, 4);
  for (let take = 1; take <= words.length; take++) {
    const written = words.slice(0, take).join('');
    const key = squash(written);
    if (key === companyLabel || squashGerman(written) === companyLabel) return true;
    if (key.length > companyLabel.length) break;
  }
  return false;
}

/** The cities the company says it is based in, from the page's lines (at most three). */
export function readHeadquartersCities(lines: readonly string[], companyLabel: string): HeadquartersCity[] {
  const found: HeadquartersCity[] = [];
  const label = squash(companyLabel);
  for (let i = 0; i < lines.length && i < MAX_LINES && found.length < MAX_FOUND; i++) {
    const line = lines[i]!;
    const chinese = /\p{Script=Han}/u.test(line) ? CHINESE.exec(line) : null;
    if (chinese && !/客户|合作伙伴|合作单位|友情链接/u.test(line.slice(0, chinese.index))) {
      const city = /^(?:北京|上海|天津|重庆)$/u.test(chinese[1]!) ? `${chinese[1]}市` : chinese[1]!;
      found.push({ city, country: 'CN', snippet: line.slice(Math.max(0, chinese.index - 40), chinese.index + chinese[0].length + 20), line: i });
      continue;
    }
    const seat = /[:：]/.test(line) ? SEAT_LABEL.exec(line) : null;
    const seatPlace = seat && !/^\s*\d/.test(line.slice(seat.index + seat[0].length)) ? placeOf(seat[1]!, seat[2]) : undefined;
    if (seat && seatPlace) {
      found.push({ ...seatPlace, snippet: line.slice(seat.index, seat.index + seat[0].length + 20).trim(), line: i });
      continue;
    }
    if (!/ (?:in|à|a|en) \p{Lu}/u.test(line)) continue;
    for (const match of line.matchAll(PHRASE)) {
      const before = line.slice(Math.max(0, match.index - 200), match.index);
      // "based in" must say where the subject is ("Acme is based in", "Acme, based in"), not qualify another noun
      // ("we serve customers based in London").
      if (PARTICIPLE.test(match[0]) && !BE_BEFORE.test(before)) continue;
      if (!aboutTheCompany(before, label)) continue;
      const place = placeOf(match[1]!, match[2]);
      if (!place || /^\s*\d/.test(line.slice(match.index + match[0].length))) continue;
      found.push({ ...place, snippet: line.slice(Math.max(0, match.index - 80), match.index + match[0].length + 20).trim(), line: i });
      break;
    }
  }
  return found;
}

/** "Auburn California" -> Auburn, CA, US; "San Francisco, CA"; "Sydney" alone. */
function placeOf(words: string, after: string | undefined): Omit<HeadquartersCity, 'snippet' | 'line'> | undefined {
  // A word ending in a full stop ends the sentence ("based in Sydney. As a specialist…"), unless it is a short
  // abbreviation ("Ft. Collins", "St. Louis").
  const kept: string[] = [];
  for (const word of words.split(' ')) {
    kept.push(word);
    if (/\.$/.test(word) && word.length > 4) {
      after = undefined;
      break;
    }
  }
  let city = kept.join(' ').replace(/[.,’']+$/, '');
  let region: string | undefined;
  let country: string | undefined;
  after = after?.split(/(?<=\.) /)[0]!.replace(/[.,’']+$/, '');
  const stateAfter = after && (US_STATES[after.toLowerCase()] ?? (/^[A-Z]{2}$/.test(after) ? after : undefined));
  if (stateAfter) {
    region = stateAfter;
    if (US_STATES[after!.toLowerCase()]) country = 'US';
  } else {
    const parts = city.split(' ');
    for (let take = Math.min(2, parts.length - 1); take >= 1; take--) {
      const state = US_STATES[parts.slice(-take).join(' ').toLowerCase()];
      if (state) {
        region = state;
        country = 'US';
        city = parts.slice(0, -take).join(' ');
        break;
      }
    }
  }
  if (city.length < 2 || NOT_CITY.test(city) || /[’']s$/.test(city)) return undefined;
  return { city, region, country };
}
