/** A Chinese address split into the parts PostalAddress has; the district stays at the head of the street. */
export interface ChineseAddress {
  text: string;
  region?: string;
  city?: string;
  street?: string;
  postalCode?: string;
}

/** "地址：广东省深圳市南山区科技园…": the labels Chinese contact blocks put before an address. */
const LABELLED = /(?:公司地址|办公地址|总部地址|联系地址|通讯地址|通信地址|工厂地址|注册地址|厂址|地址|住所|地 址)\s*[:：]\s*(.{4,120})/u;
const PROVINCES = '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
/**
 * An unlabelled address starts with a province ("上海市浦东新区张江路88号", "广东省深圳市…") or, after a
 * break in the text, with a city; either way it names a district or county.
 */
const UNLABELLED = new RegExp(
  String.raw`(?:(?:${PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?|(?<!\p{Script=Han})\p{Script=Han}{2,3}市)\p{Script=Han}{0,7}?(?:区|县|旗)[\p{Script=Han}\dA-Za-z\-－()（）#]{2,60}`,
  'u',
);
/** Where the address ends: the next field of the contact block. */
const NEXT_FIELD = /\s*(?:[|｜;；。]|\s{2}|电话|電話|传真|邮编|邮政编码|邮箱|手机|网址|联系人|QQ|Tel|Fax|E-?mail|Phone|Post ?code|Zip)/iu;
const STREET_MARK = /(?:路|街|道|号|巷|弄|大厦|大楼|楼|室|村|镇|广场|园)/u;
const MUNICIPALITY = /^(北京|上海|天津|重庆)市/u;
const REGION = /^\p{Script=Han}{2,7}?(?:省|自治区|特别行政区)/u;
const CITY = /^\p{Script=Han}{2,8}?(?:市|自治州|地区|盟)/u;
const POSTAL_CODE = /(?:邮编|邮政编码|post ?code|zip)\s*[:：]?\s*(\d{6})(?!\d)/iu;

/** The Chinese address on a line, if it has one, with the postal code from the same or the next two lines. */
export function readChineseAddress(lines: string[], index: number): ChineseAddress | undefined {
  const line = lines[index]!;
  const labelled = LABELLED.exec(line)?.[1];
  const candidate = labelled ?? UNLABELLED.exec(line)?.[0];
  if (!candidate || !/\p{Script=Han}/u.test(candidate)) return undefined;
  const text = candidate.split(NEXT_FIELD)[0]!.trim();
  // A labelled line must still look like an address, not "地址：请见下方地图"; an unlabelled one must name a
  // street or building, or "北京地区联合辟谣平台" (a region's platform) would pass for one.
  if (text.length < 4 || !/(?:省|市|区|县|路|街|道|号|镇|村|大厦|园)/u.test(text)) return undefined;
  if (!labelled && !STREET_MARK.test(text)) return undefined;

  // "中国广东省深圳市…", "中国·上海市…": the country before the province is not part of the region.
  let rest = text.replace(/^(?:中华人民共和国|中國|中国)\s*[·・、,，\s]?\s*/u, '');
  const take = (pattern: RegExp) => {
    const part = pattern.exec(rest)?.[0];
    if (part) rest = rest.slice(part.length);
    return part;
  };
  let region: string | undefined;
  let city: string | undefined;
  const municipality = MUNICIPALITY.exec(rest)?.[0];
  if (municipality) {
    region = city = municipality;
    rest = rest.slice(municipality.length);
  } else {
    region = take(REGION);
    city = take(CITY);
  }
  const nearby = [line, lines[index + 1] ?? '', lines[index + 2] ?? ''].join(' ');
  return { text, region, city, street: rest.trim() || undefined, postalCode: POSTAL_CODE.exec(nearby)?.[1] };
}
