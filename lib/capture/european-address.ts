/**
 * Continental European addresses as they are written: the postal code comes before the city
 * ("Musterstraße 12, 80331 München", "Keizersgracht 123, 1015 CJ Amsterdam", "12 rue de la Paix, 75002 Paris",
 * "Via Roma 1, 00184 Roma (RM)"). A postal code and a capitalised word are common in any text ("über 10000
 * Kunden", "Version 12, 2024 Release"), so a postal code counts only when a street stands right before it (on its
 * line or the line above) or when the page labels the line as an address ("Anschrift:", "Sitz:", an <address>
 * element). The country comes from the code's shape, a country prefix ("D-", "CH-"), the country written after
 * the city, the street's language, then the page's hints (domain, language, phone numbers), in that order.
 */

export interface EuropeanAddress {
  street?: string;
  city: string;
  region?: string;
  postalCode: string;
  country?: string;
  full: string;
  /** The lines the address was read from, joined. */
  snippet: string;
  /** The index of the line holding the postal code. */
  line: number;
  /** Whether a street was found (else the address stood after a label). */
  hasStreet: boolean;
}

export interface EuropeanAddressContext {
  lines: readonly string[];
  /** Whether a line lies in an element that marks an address (<address>, an imprint block). */
  inAddressBlock?: (line: string) => boolean;
  /** Countries the page points to (its domain, language, phone numbers), best first. */
  countryHints: readonly string[];
}

const MAX_MATCHES = 200;
const MAX_SEGMENT = 120;

/**
 * The postal code (with an optional country prefix) and the city after it. The city is a run of capitalised
 * words and the small words inside city names ("Frankfurt am Main", "Alphen aan den Rijn", "Halle (Saale)");
 * nothing follows it in the pattern, so a failed match never backtracks through it.
 */
const POSTAL_CITY = new RegExp(
  String.raw`(?<![\p{L}\p{N}+/.\-])(?:(?<prefix>[A-Z]{1,2})[-‐–]\s?)?` +
    String.raw`(?<code>\d{4} ?[A-Z]{2}(?![\p{L}\p{N}])|\d{4}-\d{3}(?!\d)|\d{2}-\d{3}(?!\d)|\d{4,5}(?![\p{L}\p{N}\-.,/]))` +
    String.raw`[ \u00a0]{1,3}(?<city>\p{Lu}[\p{L}\p{M}'’.\-]{0,30}(?: (?:\p{Lu}[\p{L}\p{M}'’.\-]{0,30}|am|an|der|den|die|im|in|bei|ob|sur|sous|lès|les|en|de|del|della|di|la|le|aan|op|bij|\([\p{L} .]{1,25}\))){0,5})`,
  'gu',
);

/** Words that end a city run: contact labels, company register lines, country names. */
const CITY_STOP =
  /^(?:Tel|Tél|Telefon|Telephone|Téléphone|Telefono|Teléfono|Phone|Fon|Fax|Telefax|E-?Mail|Mail|Web|Www|Internet|Mobil|Mobile|Handy|Geschäftsführer|Geschäftsführung|Registergericht|Handelsregister|Amtsgericht|HRB|HRA|USt|UID|Vertreten|Inhaber|SIRET|SIREN|RCS|TVA|P\.?IVA|Partita|CIF|NIF|KvK|BTW|Öffnungszeiten|Germany|Deutschland|Allemagne|Austria|Österreich|Switzerland|Schweiz|Suisse|Svizzera|France|Frankreich|Italy|Italia|Italien|Spain|España|Spanien|Netherlands|Nederland|Niederlande|Holland|Belgium|België|Belgique|Belgien|Portugal|Poland|Polska|Polen|Denmark|Danmark|Dänemark|Norway|Norge|Europe|EU)$/u;

const COUNTRY_NAMES: Record<string, string> = {
  germany: 'DE', deutschland: 'DE', allemagne: 'DE', alemania: 'DE', germania: 'DE',
  austria: 'AT', österreich: 'AT', autriche: 'AT',
  switzerland: 'CH', schweiz: 'CH', suisse: 'CH', svizzera: 'CH', suiza: 'CH',
  france: 'FR', frankreich: 'FR', francia: 'FR',
  italy: 'IT', italia: 'IT', italien: 'IT', italie: 'IT',
  spain: 'ES', españa: 'ES', espana: 'ES', spanien: 'ES', espagne: 'ES', spagna: 'ES',
  netherlands: 'NL', 'the netherlands': 'NL', nederland: 'NL', niederlande: 'NL', 'pays-bas': 'NL', holland: 'NL',
  belgium: 'BE', belgië: 'BE', belgie: 'BE', belgique: 'BE', belgien: 'BE',
  luxembourg: 'LU', luxemburg: 'LU', portugal: 'PT', poland: 'PL', polska: 'PL', polen: 'PL',
  denmark: 'DK', danmark: 'DK', dänemark: 'DK', norway: 'NO', norge: 'NO', finland: 'FI', suomi: 'FI',
};
const COUNTRY_PREFIXES: Record<string, string> = {
  D: 'DE', DE: 'DE', A: 'AT', AT: 'AT', CH: 'CH', F: 'FR', FR: 'FR', I: 'IT', IT: 'IT', E: 'ES', ES: 'ES', NL: 'NL',
  B: 'BE', BE: 'BE', L: 'LU', LU: 'LU', P: 'PT', PT: 'PT', PL: 'PL', DK: 'DK', N: 'NO', NO: 'NO', FI: 'FI', SF: 'FI',
};

/** The countries whose postal codes have each shape. */
function countriesOfCode(code: string): string[] {
  if (/^\d{4} ?[A-Z]{2}$/.test(code)) return ['NL'];
  if (/^\d{4}-\d{3}$/.test(code)) return ['PT'];
  if (/^\d{2}-\d{3}$/.test(code)) return ['PL'];
  if (/^\d{5}$/.test(code)) return ['DE', 'FR', 'IT', 'ES', 'FI'];
  return ['AT', 'CH', 'BE', 'LU', 'DK', 'NO'];
}

/** "Musterstraße 12", "Keizersgracht 123-A", "Unter den Linden 77", "Rue de la Loi 16", "Via Roma, 1". */
const NAME_THEN_NUMBER =
  /^(?<name>\p{L}[\p{L}\p{M}.'’\-/ ]{1,60}?),?\s(?:n\.?\s?|nº\s?|n°\s?|no\.?\s)?(?<number>\d{1,4}\s?[a-zA-Z]?(?:\s?[-–/]\s?(?:\d{1,4}[a-zA-Z]?|[a-zA-Z]))?)(?:,\s?[\p{L}\p{N}ºª°.\- ]{1,12})?$/u;
/** "12 rue de la Paix", "12, avenue des Champs-Élysées", "3 bis bd Haussmann". */
const NUMBER_THEN_NAME = /^(?<number>\d{1,4}(?:\s?(?:bis|ter|[a-zA-Z]))?),?\s+(?<name>\p{L}[\p{L}\p{M}.'’\- ]{2,80})$/u;
const PO_BOX = /^(?:postfach|postbus|postbox|boîte postale|b\.?p\.?|case postale|casella postale|apartado(?: de correos)?|apdo\.?)\s?\d{1,6}/iu;

interface StreetStyle {
  countries: string[];
  /** Tested on the street's name (without its number). */
  pattern: RegExp;
}

/** Street names by language: the word for "street" ends German and Dutch names and starts Romance ones. */
const NAME_STYLES: StreetStyle[] = [
  {
    countries: ['DE', 'AT', 'CH', 'LU'],
    pattern:
      /(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|stieg|markt|graben|wall|pfad|zeile|kai|promenade|bogen|winkel|anger|kamp|hof|park|brücke|berg|tor|feld|garten|höhe|grund|werder)$|^(?:am|an der|an den|auf der|auf dem|im|in der|in den|zum|zur|unter den|hinter der|hinter dem|vor dem|alt|alte|alter)\s/iu,
  },
  {
    countries: ['NL', 'BE'],
    pattern: /(?:straat|gracht|laan|plein|kade|singel|dijk|steeg|pad|plantsoen|markt|dreef|wal|haven|park|weg|hof)$|^(?:op de|aan de|aan het|in de|bij de|van)\s/iu,
  },
  {
    countries: ['FR', 'BE', 'LU', 'CH'],
    pattern: /^(?:rue|avenue|av\.|boulevard|bd\.?|place|allée|chemin|quai|impasse|route|cours|square|passage|chaussée|esplanade|faubourg|promenade|drève)\s/iu,
  },
  {
    countries: ['IT', 'CH'],
    pattern: /^(?:via|viale|v\.le|piazza|p\.za|p\.zza|piazzale|corso|c\.so|largo|vicolo|strada|contrada|borgo|lungomare|lungarno|località|loc\.)\s/iu,
  },
  {
    countries: ['ES'],
    pattern: /^(?:c\/\s?|(?:calle|avenida|avinguda|avda\.?|plaza|pza\.|paseo|pº|carrer|camino|ronda|travesía|travesia|glorieta|rambla|passeig|plaça|carretera|ctra\.?)\s)/iu,
  },
  { countries: ['PT'], pattern: /^(?:rua|praça|travessa|estrada|alameda)\s/iu },
  { countries: ['DK'], pattern: /(?:vej|vejen|gade|torv|stræde)$/iu },
  { countries: ['NO'], pattern: /(?:veien|vegen|gata|gate|torget)$/iu },
  { countries: ['PL'], pattern: /^(?:ul\.|al\.|pl\.|os\.)\s?/iu },
];
/** French number-first streets. */
const FRENCH_TYPE = /^(?:rue|avenue|av\.|boulevard|bd\.?|place|pl\.|allée|chemin|quai|impasse|route|rte\.?|cours|square|passage|rond-point|voie|esplanade|faubourg|fbg|parvis|promenade|sentier|chaussée|drève|rampe|montée|traverse|zone|z\.?a\.?|z\.?i\.?|parc)\b/iu;

/** Words that make a "city" a street: "North McDowell Blvd", "Main Street", "Suite". */
const STREET_WORD =
  /(?:^|\s)(?:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|dr\.?|lane|ln\.?|way|court|ct\.?|parkway|pkwy\.?|highway|hwy\.?|suite|ste\.?|unit|floor|building|straße|strasse|rue|via|calle)(?=\s|$)|(?:straße|strasse|str\.)(?=\s|$)/iu;

/** "Anschrift:", "Adresse:", "Sitz:", "Indirizzo:", "Dirección:" — a line that says an address follows. */
const ADDRESS_LABEL =
  /(?:^|\s)(?:adresse|anschrift|address|adres|bezoekadres|postadres|postanschrift|hausanschrift|besuchsadresse|firmensitz|sitz|siège(?: social)?|indirizzo|sede(?: legale| operativa)?|dirección|direccion|domicilio(?: social)?|morada|endereço|adresa|adress)\s*[:：]/iu;

/** A phone or opening-hours line is not a street, whatever its digits. */
const CONTACT_WORD = /^(?:tel|tél|fon|phone|fax|telefon|telefax|mobil|mobile|handy|hotline|öffnungszeiten|opening|version|copyright)(?![\p{L}])|^(?:v\.|©)/iu;

interface Street {
  text: string;
  countries: string[];
}

/** The street a text ends with, if it looks like one; `loose` (an address label or block) accepts any "Name 12". */
export function readStreet(text: string, loose: boolean): Street | undefined {
  const street = text.replace(/^[^:：]{0,30}[:：]\s*/u, '').replace(/[\s,;]+$/, '').trim();
  if (street.length < 4 || street.length > MAX_SEGMENT || /@|https?:|\d{6,}/.test(street) || CONTACT_WORD.test(street)) return undefined;
  if (PO_BOX.test(street)) return { text: street, countries: [] };
  const numberFirst = NUMBER_THEN_NAME.exec(street);
  if (numberFirst) {
    if (FRENCH_TYPE.test(numberFirst.groups!.name!)) return { text: street, countries: ['FR', 'BE', 'LU', 'CH'] };
  }
  const nameFirst = NAME_THEN_NUMBER.exec(street);
  if (nameFirst) {
    const name = nameFirst.groups!.name!.trim();
    const styles = NAME_STYLES.filter((style) => style.pattern.test(name));
    if (styles.length > 0) return { text: street, countries: [...new Set(styles.flatMap((style) => style.countries))] };
    if (loose && name.split(' ').length <= 5) return { text: street, countries: [] };
  }
  if (numberFirst && loose) return { text: street, countries: [] };
  return undefined;
}

/**
 * The street before a postal code on the same line: the last of the parts the line is split into by commas
 * and bullets, or the last two or three when the house number or the floor stands in a part of its own
 * ("Via Roma, 1", "Calle Mayor, 5, 3º B").
 */
function streetBefore(before: string, loose: boolean): Street | undefined {
  const segments = before
    .slice(-3 * MAX_SEGMENT)
    .split(/\s*[|·•;–—]\s*|\s+-\s+/)
    .pop()!
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (let take = 1; take <= Math.min(3, segments.length); take++) {
    const street = readStreet(segments.slice(-take).join(', '), loose);
    if (street) return street;
  }
  return undefined;
}

/** The city as written, without a trailing small word or what follows a label that ended the line's run. */
function cleanCity(raw: string): { city: string; region?: string } | undefined {
  const words = raw.split(' ');
  const kept: string[] = [];
  for (const word of words) {
    if (CITY_STOP.test(word.replace(/[.:]+$/, '')) && kept.length > 0) break;
    kept.push(word);
  }
  while (kept.length > 0 && /^\p{Ll}/u.test(kept[kept.length - 1]!)) kept.pop();
  let region: string | undefined;
  const last = kept[kept.length - 1];
  // Italian and Spanish addresses end in the province: "00184 Roma (RM)", "28014 Madrid (Madrid)".
  if (last && kept.length > 1 && /^\([\p{L} .]{1,25}\)$/u.test(last)) {
    region = last.slice(1, -1);
    kept.pop();
  }
  // French business addresses: "75002 Paris Cedex 02".
  const cedex = kept.findIndex((word) => /^cedex$/i.test(word));
  if (cedex > 0) kept.length = cedex;
  const city = kept.join(' ').replace(/[.,]+$/, '');
  if (city.length < 2 || CITY_STOP.test(city)) return undefined;
  return { city, region };
}

/** The country written after the city, on its line or alone on the next: its code and its name as written. */
function writtenCountry(after: string, nextLine: string | undefined): { code: string; text: string } | undefined {
  const sameLine = /^[\s,()\-–]*([\p{L}][\p{L} -]{2,20})/u.exec(after)?.[1]?.trim();
  const firstWord = sameLine?.split(' ')[0];
  for (const written of [sameLine, firstWord]) {
    const code = written ? COUNTRY_NAMES[written.toLowerCase()] : undefined;
    if (code) return { code, text: written! };
  }
  const next = nextLine?.trim().replace(/[.,]$/, '');
  const code = next && next.length < 25 ? COUNTRY_NAMES[next.toLowerCase()] : undefined;
  return code ? { code, text: next! } : undefined;
}

function chooseCountry(shape: string[], prefix: string | undefined, written: string | undefined, street: Street | undefined, hints: readonly string[]): string | undefined {
  const byPrefix = prefix ? COUNTRY_PREFIXES[prefix] : undefined;
  if (byPrefix && shape.includes(byPrefix)) return byPrefix;
  if (written && shape.includes(written)) return written;
  const candidates = street && street.countries.length > 0 ? shape.filter((country) => street.countries.includes(country)) : shape;
  if (candidates.length === 1) return candidates[0];
  return hints.find((country) => candidates.includes(country));
}

/** The continental European addresses on the page's lines, in page order. */
export function readEuropeanAddresses(context: EuropeanAddressContext): EuropeanAddress[] {
  const { lines, inAddressBlock, countryHints } = context;
  const found: EuropeanAddress[] = [];
  let matches = 0;
  for (let i = 0; i < lines.length && matches < MAX_MATCHES; i++) {
    const line = lines[i]!;
    if (!/\d\d/.test(line)) continue;
    for (const match of line.matchAll(POSTAL_CITY)) {
      if (++matches > MAX_MATCHES) break;
      const { prefix, code, city: rawCity } = match.groups!;
      if (prefix && !COUNTRY_PREFIXES[prefix]) continue;
      const cleaned = cleanCity(rawCity!);
      // "1435 North McDowell Blvd. Suite 300": an American house number and its street, not a code and a city.
      if (!cleaned || STREET_WORD.test(cleaned.city)) continue;
      if (/^\s*[#\d]/.test(line.slice(match.index + match[0].length)) && !/\bcedex$/i.test(rawCity!)) continue;
      const before = line.slice(0, match.index);
      const previous = lines[i - 1] ?? '';
      // Whether the line is labelled or marked as an address; asked only when needed (the block lookup scans the page).
      let looseAnswer: boolean | undefined;
      const isLoose = () =>
        (looseAnswer ??=
          ADDRESS_LABEL.test(line) ||
          ADDRESS_LABEL.test(previous) ||
          /^\s*(?:adresse|anschrift|address|adres|indirizzo|dirección|sede|sitz)\s*$/iu.test(lines[i - 2] ?? '') ||
          Boolean(inAddressBlock?.(line)));
      let street: Street | undefined;
      let streetLines: string[] = [];
      if (!before.trim()) {
        // The postal code starts its line: the street is the line above ("Musterstraße 12" / "80331 München").
        street = streetBefore(previous, false) ?? (isLoose() ? streetBefore(previous, true) : undefined);
        if (street) streetLines = [previous];
      } else if (/(?:^|[,;|·•–—]|\s-)\s*$/.test(before)) {
        const head = before.replace(/[\s,;|·•–—-]+$/, '');
        street = streetBefore(head, false) ?? (isLoose() ? streetBefore(head, true) : undefined);
      } else if (/[:：]\s*$/.test(before)) {
        // "Sitz: 80331 München": a label and no street (accepted below only for an address label).
      } else {
        // "Musterstraße 12 80331 München": only a street ending in its number may stand right before the code
        // without a separator.
        street = /\d\s?[a-zA-Z]?\s+$/.test(before) ? streetBefore(before, false) : undefined;
        if (!street) continue;
      }
      if (!street && !isLoose()) continue;
      const after = line.slice(match.index + match[0].length);
      const shape = countriesOfCode(code!);
      const written = writtenCountry(after, lines[i + 1]);
      const country = chooseCountry(shape, prefix, written?.code, street, countryHints);
      const postalCode = code!;
      const full = [street?.text, `${prefix ? `${prefix}-` : ''}${postalCode} ${cleaned.city}${cleaned.region ? ` (${cleaned.region})` : ''}`, written?.text].filter(Boolean).join(', ');
      found.push({
        street: street?.text,
        city: cleaned.city,
        region: cleaned.region,
        postalCode,
        country,
        full,
        snippet: [...streetLines, line].join(' ').slice(0, 500),
        line: i,
        hasStreet: Boolean(street),
      });
    }
  }
  return found;
}
