/** Job titles as team pages and signatures write them. */
export const EN_TITLE =
  /\b(?:CEO|CTO|CFO|COO|CMO|CIO|CRO|CPO|Founder|Co-?founder|President|Vice[- ]President|VP|Chairman|Chairwoman|Chair|Director|Manager|Head of|Chief|Officer|Partner|Principal|Owner|Proprietor|Executive|Engineer|Consultant|Coordinator|Representative|Specialist|Advis[oe]r|Secretary|Treasurer|Broker|Agent|Realtor|Attorney|Lawyer|Accountant|Architect|Analyst|Administrator|Supervisor|General Counsel)\b/i;
export const ZH_TITLE = /(?:董事长|副董事长|总经理|副总经理|总裁|副总裁|首席\p{Script=Han}{1,4}官|联合创始人|创始人|总监|经理|主管|主任|董事|监事|合伙人|总工程师|工程师|厂长|秘书长|会长|销售代表|业务代表|客服代表)/u;
/** Capitalised words that are not names: navigation, business words, places. */
const NOT_NAME_WORDS = new Set(
  (
    'about us our your we the and of for to in on at by with from home contact team service services sales support company group ' +
    'street avenue road suite office center centre business new read more learn welcome products product solutions customer ' +
    'department news blog login sign search privacy policy terms copyright all rights reserved inc ltd llc corp corporation ' +
    'limited pty co north south east west main first city county state car finance loan loans insurance real estate mortgage ' +
    'quick quote information online free call email phone fax hours monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december click view map directions ' +
    'get started apply now best regards kind thank thanks dear hi hello'
  ).split(' '),
);
const SIGN_OFF = /^(?:(?:kind|best|warm|warmest)?\s*regards|sincerely|yours(?: sincerely| truly| faithfully)?|cheers|thanks(?: again)?|thank you|many thanks|best wishes|best|此致|敬礼|谢谢)[\s,.!]*$/i;
const LEGAL_SUFFIX = /\b(?:inc|llc|ltd|p\/l|pty|gmbh|corp|corporation|company|co|plc|limited|s\.a|b\.v)\b\.?|有限公司|集团|公司/i;
const ZH_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乜';
const ZH_COMPOUND_SURNAME = /^(?:欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|令狐|夏侯|端木|西门|南宫)/u;

/** "John Smith", "Mary-Jane O’Neil", "J. Robert McDonald": two or three capitalised words, none a common non-name word. */
export function looksLikeEnglishName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 4 || trimmed.length > 40 || trimmed === trimmed.toUpperCase()) return false;
  const words = trimmed.split(' ');
  // "Senior Partner", "Managing Director": capitalised like a name, but a job title.
  if (words.length < 2 || words.length > 3 || EN_TITLE.test(trimmed)) return false;
  return words.every((word, i) => (/^(?:[A-Z][a-z]*['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z]?[a-z]+)*$/.test(word) || (i < words.length - 1 && /^[A-Z]\.$/.test(word))) && !NOT_NAME_WORDS.has(word.toLowerCase()));
}

/** "张三", "欧阳明月": a common surname and one or two more characters, nothing else. */
export function looksLikeChineseName(text: string): boolean {
  const trimmed = text.trim();
  if (!/^\p{Script=Han}{2,4}$/u.test(trimmed) || ZH_TITLE.test(trimmed)) return false;
  return ZH_COMPOUND_SURNAME.test(trimmed) ? trimmed.length >= 3 : ZH_SURNAMES.includes(trimmed[0]!) && trimmed.length <= 3;
}

/** A short line that is a job title: "Operations Manager", "Founder & CEO", "销售总监". */
export function looksLikeTitle(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 2 || trimmed.length > 60 || /@|\d{3,}/.test(trimmed) || trimmed.split(' ').length > 8) return false;
  return EN_TITLE.test(trimmed) || ZH_TITLE.test(trimmed);
}

export function isSignOff(line: string): boolean {
  return line.length <= 30 && SIGN_OFF.test(line.trim());
}

/**
 * True when a title line or the line under it names a company that is not the site's ("Director, Border
 * Marine Centre", "Price and Speed P/L"): the person is a customer or partner, not a contact here.
 */
export function namesOtherCompany(text: string, siteDomain: string | null, wholeLine = false): boolean {
  const label = (siteDomain?.split('.')[0] ?? '').toLowerCase();
  const squashed = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (label.length >= 3 && squashed.includes(label)) return false;
  if (LEGAL_SUFFIX.test(text) && text.length <= 80) return true;
  // "Sales Director at Acme Robotics": a title naming where the person works.
  return !wholeLine && /\b(?:at|@)\s+[A-Z]/.test(text);
}
