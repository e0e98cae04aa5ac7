const MAX_LINE = 2_000;
const MAX_FOOTER_TEXT = 20_000;
const FOOTERS = 'footer, [role="contentinfo"], #footer, .footer, #copyright, .copyright';
/** Elements that hold an address: a line inside one needs no "Anschrift:" label to be read as an address. */
const ADDRESS_BLOCKS = 'address, [itemprop="address"], .adr, .vcard, .address, #address, .impressum, #impressum, .imprint, #imprint';
const MAX_ADDRESS_BLOCK_TEXT = 20_000;

/** The page text as the contact readers see it: tidy lines, with where the footer is. */
export interface ContactLines {
  lines: string[];
  /** True when a stretch of text appears in the page's footer (source "footer" rather than "text"). */
  inFooter(raw: string): boolean;
  /** True when a stretch of text appears in an element that marks an address (<address>, an imprint block). */
  inAddressBlock?(raw: string): boolean;
  /** The text around a match on a line, trimmed for display as evidence. */
  snippet(line: number, start: number, end: number): string;
}

/**
 * The page's tidy lines (`tidyLines` of `readPageText`: runs of spaces collapsed, empty lines dropped), with a
 * line longer than 2,000 characters (minified text without blocks) cut into pieces so that every pattern runs
 * on bounded input.
 */
export function contactLines(doc: Document, tidy: readonly string[]): ContactLines {
  const lines: string[] = [];
  for (let line of tidy) {
    while (line.length > MAX_LINE) {
      const cut = line.lastIndexOf(' ', MAX_LINE);
      const at = cut > MAX_LINE / 2 ? cut : MAX_LINE;
      lines.push(line.slice(0, at));
      line = line.slice(at).trim();
    }
    if (line) lines.push(line);
  }
  const footer = footerText(doc);
  // Read only when an address reader asks: most pages never need it.
  let addressBlocks: string | undefined;
  return {
    lines,
    inFooter: (raw) => footer.length > 0 && footer.includes(raw),
    inAddressBlock: (raw) => {
      addressBlocks ??= blocksText(doc, ADDRESS_BLOCKS, MAX_ADDRESS_BLOCK_TEXT);
      return addressBlocks.length > 0 && addressBlocks.includes(raw);
    },
    snippet: (index, start, end) => {
      const line = lines[index] ?? '';
      return line.slice(Math.max(0, start - 60), Math.min(line.length, end + 60)).trim().slice(0, 500);
    },
  };
}

function footerText(doc: Document): string {
  return blocksText(doc, FOOTERS, MAX_FOOTER_TEXT);
}

/** The text of the first five elements matching `selector`, spaces collapsed, up to `limit` characters. */
function blocksText(doc: Document, selector: string, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const blocks = doc.querySelectorAll(selector);
  for (let i = 0; i < blocks.length && i < 5 && length < limit; i++) {
    const part = (blocks[i]!.textContent ?? '').slice(0, limit).replace(/[\s\u00a0\u3000]+/g, ' ');
    parts.push(part);
    length += part.length;
  }
  return parts.join(' ');
}
