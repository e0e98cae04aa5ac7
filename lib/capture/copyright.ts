import type { TextEvidence } from '../schema';
import { looksLikeDomain, splitLegalName } from './name-text';

/** "© Copyright 2003-2014 FinCar Pty Ltd. All rights reserved", "Copyright © 2024 中国银行". */
const COPYRIGHT_LINE =
  /(?:©|&copy;|\(c\)|copyright|版权所有\s*[:：])\s*(?:copyright\s*)?(?:©\s*)?(?:\d{4}\s*(?:[-–—~]\s*\d{4})?\s*[,，]?\s*)?([^\n|©]{2,80}?)\s*(?:[.。]?\s*(?:all rights reserved|版权所有|保留所有权利)|\.\s|[.。]?$|\||\s{2})/iu;
/** "中国农业银行版权所有", "... All Rights Reserved. 汽车之家 版权所有": the holder written before the claim. */
const HOLDER_BEFORE_CLAIM = /([^|©。.]{2,60}?)\s*(?:版权所有|保留所有权利)/u;
/** A phrase the copyright line may put before the holder, which is not part of it. */
const LEADING_NOISE = /^(?:.*all rights reserved\.?\s*|.*?(?:©|copyright|\(c\))\s*(?:©\s*)?(?:\d{4}\s*(?:[-–—~]\s*\d{4})?\s*[,，]?\s*)?)/iu;

export interface CopyrightHolder {
  brand: TextEvidence;
  legalName?: TextEvidence;
}

/** The company named in the page's copyright line, usually in the footer: often the clearest statement of who runs the site. */
export function readCopyrightHolder(lines: string[]): CopyrightHolder | undefined {
  // Footers come last; search from the end so a copyright quote in an article does not win.
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 400; i--) {
    const holder = parseCopyrightLine(lines[i]!, 'footer');
    if (holder) return holder;
  }
  return undefined;
}

/** The holder of one copyright statement (a footer line, or a `rights`/`copyright` meta tag). */
export function parseCopyrightLine(rawLine: string, source: 'footer' | 'meta'): CopyrightHolder | undefined {
  // Chinese footers put the ICP licence and police filing on the copyright line; drop them first.
  const line = rawLine.replace(/\s*\S{0,2}(ICP[备证]|公网安备)\S*.*$/u, '');
  if (line.length > 300 || !/©|&copy;|\(c\)|copyright|版权所有|保留所有权利/iu.test(line)) return undefined;
  const before = HOLDER_BEFORE_CLAIM.exec(line)?.[1]?.replace(LEADING_NOISE, '');
  const after = COPYRIGHT_LINE.exec(line)?.[1];
  const holder = [before, after].map(tidyHolder).find((candidate): candidate is string => candidate !== undefined);
  if (!holder) return undefined;
  const { brand, legal } = splitLegalName(holder);
  const snippet = line.slice(0, 300);
  return {
    brand: { value: brand, source, snippet, confidence: 0.6 },
    legalName: legal ? { value: legal, source, snippet, confidence: 0.75 } : undefined,
  };
}

function tidyHolder(raw: string | undefined): string | undefined {
  const holder = raw
    ?.replace(/^\s*\d{4}(?:\s*[-–—~]\s*\d{4})?[\s,，]*/, '')
    .replace(/^(by|the)\s+/i, '')
    .replace(/[\s,]*\d{4}(?:\s*[-–,]\s*\d{4})*$/, '')
    .replace(/[\s,;:.]+$/, '')
    .trim();
  if (!holder || /^(all rights|rights reserved|\d+)/i.test(holder) || !/[\p{L}]/u.test(holder)) return undefined;
  // A licence number is not a company; "© 2004-2021 www.autohome.com.cn" names the site, not the company.
  if (/ICP|备\s*\d|\d{4,}/.test(holder) || looksLikeDomain(holder)) return undefined;
  return holder;
}
