/** Text rules for company names: legal suffixes, generic words around a name, and agreement with the domain. */

export const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/** Endings that make a name a registered legal name ("FinCar Pty Ltd", "星河科技有限公司"). */
const FORMAL_SUFFIX =
  /(?:[\s,，]+|(?<=[\p{Script=Han}）)]))(?:co\.?,?\s*ltd\.?|pty\.?\s*ltd\.?|ltd\.?|limited|inc\.?|incorporated|llc|l\.l\.c\.|llp|l\.p\.|corp\.?|corporation|gmbh|ag|s\.a\.?|s\.a\.s\.?|s\.r\.l\.?|s\.p\.a\.?|b\.v\.?|n\.v\.?|plc|pte\.?\s*ltd\.?|sdn\.?\s*bhd\.?|k\.k\.|(?:集团)?(?:股份)?有限(?:责任)?公司|株式会社)$/iu;
/** Endings a rep drops when saying the name but that do not make it a legal name ("Acme Company", "网易公司"). */
const INFORMAL_SUFFIX = /(?:[\s,]+(?:company|co\.)|(?<=\p{Script=Han})公司)$/iu;
/**
 * Region prefixes of registered names ("深圳市星河科技有限公司", "杭州云栖科技有限公司"): China's provincial-level
 * divisions and its main business cities, which names often carry without 市, and any "X市/X省".
 */
const CHINESE_REGION_PREFIX =
  /^(?:(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|深圳|广州|杭州|南京|苏州|成都|武汉|西安|青岛|厦门|宁波|无锡|东莞|佛山|合肥|长沙|郑州|济南|大连|沈阳|福州|昆明|哈尔滨|长春|石家庄|太原|南昌|南宁|贵阳|海口|兰州|乌鲁木齐|呼和浩特|珠海|中山|惠州|温州|绍兴|嘉兴|台州|金华|常州|南通|烟台|潍坊|唐山|泉州)(?:省|市|自治区|特别行政区)?|\p{Script=Han}{2,3}[省市])(?:\p{Script=Han}{2,3}[市区县])?/u;

export interface LegalSplit {
  /** The name as a rep says it: "FinCar", "星河科技". */
  brand: string;
  /** The registered form when the name carried a legal ending. */
  legal?: string;
}

export function splitLegalName(name: string): LegalSplit {
  const trimmed = name.replace(/[\s,;:]+$/u, '').trim();
  if (FORMAL_SUFFIX.test(trimmed)) {
    let brand = trimmed.replace(FORMAL_SUFFIX, '').replace(/[\s,，]+$/u, '').trim();
    if (hasHan(brand)) {
      // "腾讯科技（深圳）" and "深圳市星河科技": the region is part of the registration, not of the brand.
      brand = brand.replace(/[（(][\p{Script=Han}]{2,6}[)）]/gu, '');
      // "上海银行" keeps its city: two characters left would be only the trade ("银行").
      const withoutRegion = brand.replace(CHINESE_REGION_PREFIX, '');
      if (withoutRegion.length >= 3) brand = withoutRegion;
    }
    return brand.length >= 2 ? { brand, legal: trimmed } : { brand: trimmed, legal: trimmed };
  }
  const informal = trimmed.replace(INFORMAL_SUFFIX, '').trim();
  return { brand: informal.length >= 2 ? informal : trimmed };
}

export function isLegalName(name: string): boolean {
  return FORMAL_SUFFIX.test(name.trim());
}

/** Words around a name that describe the page or the image rather than name the company. */
const GENERIC_PREFIX = /^(?:welcome\s+to(?:\s+the)?|about(?:\s+us)?\s*[-:|–—]?|official\s+(?:web\s*)?site\s+of|欢迎(?:访问|来到|光临)?|关于)\s+|^(?:欢迎(?:访问|来到|光临)|关于)/iu;
const GENERIC_SUFFIX =
  /\s*[-:|–—]?\s*(?:(?:home|main|official)\s*(?:page|site|website)?|homepage|official\s+(?:web\s*)?site|website|(?:(?:header|footer|site|company|main|brand)\s+)?logo|contact(?:\s+us)?|blog|news(?:room)?|careers|jobs|support|help\s+center|docs|documentation|developers|community|(?:online\s+)?(?:shop|store)|首页|主页|官网|官方网站|网站首页|(?:全球|中文|官方)?门户网站|官方商城|商城|标志)$/iu;
/**
 * A title segment that names the page, not the company: in English and Chinese, and the page names that
 * company sites in other languages put in their titles beside the company's name ("Impressum – Brückner GmbH").
 */
const GENERIC_WHOLE =
  /^(?:home|homepage|index|welcome|logo|untitled|default|contact(?:\s+us)?|about(?:\s+us)?|official\s+(?:web)?site|menu|search|login|sign\s+in|legal(?:\s+notice)?|imprint|privacy(?:\s+policy)?|terms(?:\s+(?:of\s+use|and\s+conditions))?|cookies?(?:\s+policy)?|sitemap|首页|主页|官网|官方网站|联系我们|关于我们|网站首页|登录|impressum|kontakt|startseite|über\s+uns|datenschutz(?:erklärung)?|accueil|à\s+propos|mentions\s+légales|nous\s+contacter|inicio|contacto|quiénes\s+somos|aviso\s+legal|chi\s+siamo|contatti|over\s+ons|お問い合わせ|会社概要|トップページ)$/iu;

/** A trailing "(BOC)" or "(NYSE: ACME)": an abbreviation beside the name, not part of it. */
const TRAILING_ABBREVIATION = /\s*[(（][^()（）]{1,16}[)）]$/u;

/** Strips generic words and abbreviations; "" when nothing name-like is left. */
export function cleanName(raw: string): string {
  let value = raw.normalize('NFKC').replace(/[\s\u00a0]+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    const before = value;
    value = value.replace(GENERIC_PREFIX, '').replace(GENERIC_SUFFIX, '').replace(TRAILING_ABBREVIATION, '').trim();
    value = value.replace(/^[\s\-–—|:·»,.]+|[\s\-–—|:·»,]+$/gu, '').trim();
    if (value === before) break;
  }
  if (!value || GENERIC_WHOLE.test(value) || !/[\p{L}]/u.test(value)) return '';
  return titleCaseShouting(value);
}

/** "BANK OF CHINA" -> "Bank of China"; single all-caps words ("IBM") are left alone. */
function titleCaseShouting(value: string): string {
  const words = value.split(' ');
  if (words.length < 2 || /\p{Ll}|\p{Script=Han}/u.test(value) || !/\p{Lu}{2}/u.test(value)) return value;
  if (!words.some((word) => word.length > 3)) return value;
  return words
    .map((word, i) => (i > 0 && /^(OF|AND|THE|FOR|DE|DU|LA)$/.test(word) ? word.toLowerCase() : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

export const looksLikeDomain = (value: string) => /^(?:www\.)?[\w-]+(?:\.[\w-]+)+$/i.test(value.trim());

/** Title separators: "Acme | Products", "Products - Acme", "Adobe: Creative...", "汽车之家_官网", "阿里云-计算". */
const TITLE_SEPARATORS = /\s+[|\-–—·»/]\s+|\s*[|｜_—–]{1,2}\s*|:\s+|：|(?<=[\p{Script=Han})）])-|-(?=\p{Script=Han})/u;

export function titleSegments(title: string): string[] {
  return title
    .replace(/\s+/g, ' ')
    .slice(0, 1000)
    .split(TITLE_SEPARATORS)
    .map((segment) => segment.trim())
    .filter(Boolean)
    .slice(0, 20);
}

/** How a name relates to the domain's label ("fincar" for fincar.com.au). */
export type Affinity = 'exact' | 'prefix' | 'acronym' | 'contains' | 'none';

export function domainAffinity(name: string, label: string): Affinity {
  const affinity = affinityOf(squash(name), name, label);
  // A domain spells accented names in ASCII: "Brückner" is brueckner.de or bruckner.de, "Société" societe.fr.
  if (affinity !== 'none' || /^[\x00-\x7f]*$/.test(name)) return affinity;
  const transliterated = affinityOf(squash(germanAscii(name)), germanAscii(name), label);
  return transliterated !== 'none' ? transliterated : affinityOf(squash(withoutAccents(name)), withoutAccents(name), label);
}

const germanAscii = (text: string) => text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');
const withoutAccents = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');

function affinityOf(squashed: string, name: string, label: string): Affinity {
  if (label.length < 2 || squashed.length < 2 || /^\d+$/.test(label)) return 'none';
  if (squashed === label) return 'exact';
  const minimum = Math.max(3, Math.ceil(label.length / 2));
  if ((squashed.startsWith(label) && label.length >= 3) || (label.startsWith(squashed) && squashed.length >= minimum)) return 'prefix';
  const words = name.split(/[\s&+\-–]+/).filter((word) => /^\p{L}/u.test(word));
  if (words.length >= 2 && label.length >= 2) {
    const initials = words.map((word) => word[0]!.toLowerCase()).join('');
    const withoutStopWords = words.filter((word) => !/^(of|and|the|for)$/i.test(word)).map((word) => word[0]!.toLowerCase()).join('');
    if (initials === label || withoutStopWords === label) return 'acronym';
  }
  if (label.length >= 4 && squashed.includes(label)) return 'contains';
  return 'none';
}

/**
 * The words of a long text that spell the domain's label: "ioSafe" in "ioSafe is the award winning...",
 * "First California Mortgage" in "... at First California Mortgage" for firstcal.net. A label that ends inside
 * a word ("firstcal|ifornia") is taken to abbreviate a longer name, which is extended over the capitalised
 * words that follow; a label longer than the words ("Balise" for baliseauto) is accepted from half its length.
 */
export function labelSpan(text: string, label: string): string | undefined {
  if (label.length < 3 || /^\d+$/.test(label)) return undefined;
  const words = text.split(/\s+/).filter(Boolean).slice(0, 80);
  let best: string | undefined;
  for (let start = 0; start < words.length; start++) {
    let joined = '';
    for (let end = start; end < words.length && end < start + 6; end++) {
      joined += squash(words[end]!);
      if (joined === label) return spanText(words, start, end);
      if (joined.startsWith(label)) return spanText(words, start, extendCapitalised(words, end));
      if (!label.startsWith(joined)) {
        const previous = end > start ? squash(words.slice(start, end).join('')) : '';
        if (!best && previous.length >= Math.max(4, label.length / 2) && label.startsWith(previous)) best = spanText(words, start, end - 1);
        break;
      }
      if (/[,.;:!?|)]$/.test(words[end]!)) {
        if (!best && joined.length >= Math.max(4, label.length / 2)) best = spanText(words, start, end);
        break;
      }
    }
  }
  return best;
}

function extendCapitalised(words: string[], end: number): number {
  let last = end;
  while (last + 1 < words.length && last < end + 3 && !/[,.;:!?|)]$/.test(words[last]!) && /^\p{Lu}/u.test(words[last + 1]!)) last++;
  return last;
}

function spanText(words: string[], start: number, end: number): string {
  return words
    .slice(start, end + 1)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)]+$/gu, '')
    .replace(/[.,;:]$/, '');
}
