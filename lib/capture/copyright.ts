import type { TextEvidence } from '../schema';

/** "© Copyright 2003-2014 FinCar Pty Ltd. All rights reserved", "Copyright © 2024 中国银行 版权所有". */
const COPYRIGHT_LINE =
  /(?:©|&copy;|\(c\)|copyright|版权所有)\s*(?:copyright\s*)?(?:©\s*)?(?:\d{4}\s*(?:[-–—~]\s*\d{4})?\s*[,，]?\s*)?([^\n|©]{2,80}?)\s*(?:[.。]?\s*(?:all rights reserved|版权所有|保留所有权利)|\.\s|[.。]?$|\||\s{2})/iu;
/** Legal-entity endings, so "FinCar Pty Ltd" yields the brand "FinCar" and the legal name as written. */
const LEGAL_SUFFIX =
  /[\s,]*(?:co\.?,?\s*ltd\.?|pty\.?\s*ltd\.?|ltd\.?|limited|inc\.?|incorporated|llc|l\.l\.c\.|corp\.?|corporation|gmbh|ag|s\.?a\.?|b\.?v\.?|plc|股份有限公司|有限责任公司|有限公司|集团)$/iu;

export interface CopyrightHolder {
  brand: TextEvidence;
  legalName?: TextEvidence;
}

/** The company named in the page's copyright line, usually in the footer: often the clearest statement of who runs the site. */
export function readCopyrightHolder(lines: string[]): CopyrightHolder | undefined {
  // Footers come last; search from the end so a copyright quote in an article does not win.
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 400; i--) {
    // Chinese footers put the ICP licence and police filing on the copyright line; drop them first.
    const line = lines[i]!.replace(/\s*\S{0,2}(ICP[备证]|公网安备)\S*.*$/u, '');
    if (line.length > 300) continue;
    const match = COPYRIGHT_LINE.exec(line);
    const holder = match?.[1]?.replace(/^(by|the)\s+/i, '').replace(/[\s,]*\d{4}(?:\s*[-–,]\s*\d{4})*$/, '').replace(/[\s.,;:]+$/, '').trim();
    if (!holder || /^(all rights|rights reserved|\d+)$/i.test(holder) || !/[\p{L}]/u.test(holder)) continue;
    // Chinese footers put the ICP licence beside the copyright; a licence number is not a company.
    if (/ICP|备\s*\d|\d{4,}/.test(holder)) continue;
    // "© 2004-2021 www.autohome.com.cn" names the site, not the company.
    if (/^(www\.)?[\w-]+(\.[\w-]+)+$/i.test(holder)) continue;
    const brand = holder.replace(LEGAL_SUFFIX, '').trim() || holder;
    const snippet = line.slice(0, 300);
    return {
      brand: { value: brand, source: 'footer', snippet, confidence: 0.6 },
      legalName: LEGAL_SUFFIX.test(holder) ? { value: holder, source: 'footer', snippet, confidence: 0.75 } : undefined,
    };
  }
  return undefined;
}
