import type { NumberType } from 'libphonenumber-js/max';
import type { PhoneKind } from '../schema';

const LETTER = String.raw`(?:^|[\s|·•,;(])`;
/** "F: ", "F. ", or a bare "F " right before the number ("T +44 20… F +44 20…"); never the m of "9 a.m.". */
const LETTER_END = String.raw`(?:\s*(?::|：|\.(?=\s))|\s+$)`;

type Label = PhoneKind | 'other';

/**
 * Labels as pages write them before a number ("Fax:", "F:", "传真：", "Toll Free:", "手机") or right after it
 * in brackets ("707.665.9184 (Fax)"). Single letters count only as "F:", "F. " or right before the number.
 * 'other' marks numbers that are not phones at all (an ABN, a licence, a postcode).
 */
const LABELS: Array<[Label, RegExp]> = [
  ['fax', new RegExp(String.raw`(?:\b(?:fax|facsimile|telefax|fx)\b|传\s?真|傳\s?真|${LETTER}f${LETTER_END})`, 'giu')],
  ['mobile', new RegExp(String.raw`(?:\b(?:mobile|mob|cell|cellphone|handy|whats ?app|wechat)\b|手\s?机|手\s?機|移动电话|微\s?信|${LETTER}m${LETTER_END})`, 'giu')],
  ['toll_free', /(?:\btoll[- ]?free\b|\bfree ?phone\b|免费(?:咨询|服务)?(?:电话|热线)?)/giu],
  ['phone', new RegExp(String.raw`(?:\b(?:tel|telephone|phone|ph|call|office|main|direct|local|hotline|sales|service|support)\b|电\s?话|電\s?話|热\s?线|熱\s?線|座\s?机|咨询|${LETTER}[tp]${LETTER_END})`, 'giu')],
  ['other', /(?:\b(?:abn|acn|vat|ein|gst|tax|nmls|licen[cs]e|lic|reg(?:istration)?|isbn|issn|order|invoice|account|acct|zip|post ?code|postal code|p\.?\s?o\.? box|case|ref|sku|model|part no|serial|id)\b|邮编|邮政编码|备案|许可证|证书|编号|税号|账号|帐号|信用代码|注册号|营业执照)/giu],
];
/**
 * The web designer's or host's credit line, or a line of links to other organisations ("友情链接", "partner
 * links"): its numbers and addresses belong to other companies.
 */
const CREDIT = /(?:\b(?:designed|developed|powered|hosted|built|website|site|web design|webdesign|seo) by\b|\bwebdesign\b|\b(?:realisiert|gestaltet|umgesetzt|entwickelt) von\b|\b(?:réalisé|conçu|développé) par\b|\b(?:realizzato|sviluppato) da\b|\b(?:diseñado|desarrollado) por\b|\b(?:ontworpen|gemaakt) door\b|技术支持|网站建设|网站制作|网站设计|建站|设计制作|友情链接|合作伙伴|合作单位|相关链接|\b(?:friendly|partner|related) links\b)/iu;
/** Between an identifier's label and its number only "No.", "#" and punctuation may stand ("ABN: 12 345…"). */
const IDENTIFIER_GAP = /^[\s#:：.\-]*(?:no\.?|number|nr\.?)?[\s#:：.\-]*$/i;
const MAX_LABEL_GAP = 30;
/** "Tel/Fax", "Phone & Fax", "电话/传真": the number serves both, and is kept as a phone. */
const SHARED_LINE = /(?:tel|phone|电话)\s*[/&、和及]\s*(?:fax|传真)|(?:fax|传真)\s*[/&、和及]\s*(?:tel|phone|电话)/iu;
const AFTER_LABEL = /^\s*[(（[]\s*(fax|传真|toll[- ]?free|mobile|cell|手机)(?![a-z])/iu;

/** The label nearest to the number in the text before it (the last one wins: "Phone: 1300… Fax: (02)…"). */
export function labelBefore(before: string): Label | undefined {
  if (SHARED_LINE.test(before.slice(-24))) return 'phone';
  let best: { label: Label; at: number } | undefined;
  for (const [label, pattern] of LABELS) {
    for (const match of before.matchAll(pattern)) {
      const at = match.index + match[0].length;
      const gap = before.slice(at);
      if (label === 'other' ? !IDENTIFIER_GAP.test(gap) : gap.length > MAX_LABEL_GAP) continue;
      if (!best || at > best.at || (at === best.at && label !== 'phone')) best = { label, at };
    }
  }
  return best?.label;
}

export function isCreditLine(before: string): boolean {
  return CREDIT.test(before);
}

/** A bracketed label right after the number: "877.224.3262 (Toll-Free)". */
export function labelAfter(after: string): PhoneKind | undefined {
  const word = AFTER_LABEL.exec(after)?.[1]?.toLowerCase();
  if (!word) return undefined;
  if (word === 'fax' || word === '传真') return 'fax';
  if (word.startsWith('toll')) return 'toll_free';
  return 'mobile';
}

/** What the number is from its label, or else from its numbering plan (a 400 or 1-800 number is toll-free). */
export function phoneKind(label: PhoneKind | undefined, type: NumberType | undefined): PhoneKind {
  if (label === 'fax' || label === 'mobile' || label === 'toll_free') return label;
  if (type === 'MOBILE') return 'mobile';
  if (type === 'TOLL_FREE' || type === 'SHARED_COST') return 'toll_free';
  return 'phone';
}

export type { Label as PhoneLabel };
