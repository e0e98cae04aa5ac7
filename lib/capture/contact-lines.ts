const MAX_LINE = 2_000;
const MAX_FOOTER_TEXT = 20_000;
const FOOTERS = 'footer, [role="contentinfo"], #footer, .footer, #copyright, .copyright';

/** The page text as the contact readers see it: tidy lines, with where the footer is. */
export interface ContactLines {
  lines: string[];
  /** True when a stretch of text appears in the page's footer (source "footer" rather than "text"). */
  inFooter(raw: string): boolean;
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
  return {
    lines,
    inFooter: (raw) => footer.length > 0 && footer.includes(raw),
    snippet: (index, start, end) => {
      const line = lines[index] ?? '';
      return line.slice(Math.max(0, start - 60), Math.min(line.length, end + 60)).trim().slice(0, 500);
    },
  };
}

function footerText(doc: Document): string {
  const parts: string[] = [];
  let length = 0;
  const footers = doc.querySelectorAll(FOOTERS);
  for (let i = 0; i < footers.length && i < 5 && length < MAX_FOOTER_TEXT; i++) {
    const part = (footers[i]!.textContent ?? '').slice(0, MAX_FOOTER_TEXT).replace(/[\s\u00a0\u3000]+/g, ' ');
    parts.push(part);
    length += part.length;
  }
  return parts.join(' ');
}
