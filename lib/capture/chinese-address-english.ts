/**
 * Chinese addresses written in English, as exporters' sites write them: from the room to the country, comma
 * separated, the postal code after the city or the country ("Room 1201, No. 88 Jianguo Road, Chaoyang District,
 * Beijing 100022, China"; "No. 8 Gaoxin South Road, Nanshan District, Shenzhen, Guangdong, China 518057").
 * Read only when the line ends its address with China and names a road, district or building before the city.
 */

export interface EnglishChineseAddress {
  street: string;
  city: string;
  region?: string;
  postalCode?: string;
  text: string;
}

const MUNICIPALITIES = new Set(['beijing', 'shanghai', 'tianjin', 'chongqing']);
const PROVINCES = new Set([
  'hebei', 'shanxi', 'liaoning', 'jilin', 'heilongjiang', 'jiangsu', 'zhejiang', 'anhui', 'fujian', 'jiangxi', 'shandong', 'henan', 'hubei', 'hunan',
  'guangdong', 'hainan', 'sichuan', 'guizhou', 'yunnan', 'shaanxi', 'gansu', 'qinghai', 'inner mongolia', 'guangxi', 'tibet', 'ningxia', 'xinjiang',
]);
/** The country that ends the address, with a postal code after it or not, then the end of the line or a next field. */
const COUNTRY_END = /(?:,\s*|\s)(?:P\.?\s?R\.?\s?(?:of\s)?China|People['’]s Republic of China|China|PRC)\.?(?:\s*[,-]?\s*(\d{6}))?(?=\s*(?:$|[|·•;]|\s(?:Tel|Phone|Fax|E-?mail|Mobile|Web|Zip|Post)\b))/i;
const LABEL = /^.*?\b(?:add|addr|address|office|factory|head office|headquarters|location|company address)\s*[:：.]\s*/i;
const STREET_MARK = /\b(?:road|rd|street|st|avenue|ave|lane|district|zone|park|town|village|county|building|bldg|tower|plaza|floor|room|unit|no\.|industrial)\b/i;
const CITY = /^([A-Z][a-z]+(?:[ -](?!City\b)[A-Z][a-z]+)?)(?: City)?(?:\s*[,-]?\s*(\d{6}))?$/;
const PROVINCE = /^([A-Z][a-z]+(?: (?!Province\b)[A-Z][a-z]+)?)(?: Province)?(?:\s*[,-]?\s*(\d{6}))?$/;
const MAX_LINE = 400;

export function readEnglishChineseAddress(line: string): EnglishChineseAddress | undefined {
  if (line.length > MAX_LINE * 3 || !/china|\bprc\b/i.test(line)) return undefined;
  const end = COUNTRY_END.exec(line);
  if (!end) return undefined;
  const text = line.slice(0, end.index + end[0].length).slice(-MAX_LINE).replace(LABEL, '').trim();
  const segments = line
    .slice(0, end.index)
    .slice(-MAX_LINE)
    .replace(LABEL, '')
    .split(',')
    .map((segment) => segment.trim())
    .filter(Boolean);
  let postalCode = end[1];
  let region: string | undefined;
  const province = segments.length > 2 ? PROVINCE.exec(segments[segments.length - 1]!) : null;
  if (province && PROVINCES.has(province[1]!.toLowerCase())) {
    region = province[1];
    postalCode ??= province[2];
    segments.pop();
  }
  const city = CITY.exec(segments[segments.length - 1] ?? '');
  if (!city || segments.length < 2) return undefined;
  segments.pop();
  const street = segments.join(', ');
  if (!STREET_MARK.test(street) || street.length > 300) return undefined;
  if (MUNICIPALITIES.has(city[1]!.toLowerCase())) region ??= city[1];
  return { street, city: city[1]!, region, postalCode: postalCode ?? city[2], text };
}
