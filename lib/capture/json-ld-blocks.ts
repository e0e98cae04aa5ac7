/** Per page: a page with more blocks than this is generated, not written, and the rest are left unread. */
const MAX_SCRIPTS = 50;
/**
 * Per block and per page. JSON.parse takes about 10 ms per MB in Chromium; a 10,000-entry block (about
 * 1 MB) is parsed and then cut short while walking it, rather than skipped whole with the site's own
 * organization at its start.
 */
const MAX_BLOCK_CHARS = 2_000_000;
const MAX_PAGE_CHARS = 4_000_000;

export interface JsonLdBlocks {
  /** Each readable block's parsed JSON, in page order. */
  blocks: unknown[];
  /** One warning per block that was skipped, and why. */
  warnings: string[];
}

/**
 * The page's JSON-LD script blocks parsed once, for both the identity reader (json-ld.ts) and the contacts
 * reader (structured-contacts.ts). Invalid or oversized blocks are skipped with a warning; JSON.parse makes
 * `__proto__` an own property, never the prototype, and the readers only read own properties.
 */
export function parseJsonLdBlocks(doc: Document): JsonLdBlocks {
  const result: JsonLdBlocks = { blocks: [], warnings: [] };
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  if (scripts.length > MAX_SCRIPTS) result.warnings.push(`Read only the first ${MAX_SCRIPTS} structured-data blocks.`);
  let total = 0;
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const source = scripts[i]!.textContent ?? '';
    if (source.length > MAX_BLOCK_CHARS || total + source.length > MAX_PAGE_CHARS) {
      result.warnings.push('Skipped a structured-data block larger than 2 MB.');
      continue;
    }
    total += source.length;
    try {
      result.blocks.push(JSON.parse(stripHtmlComment(source)));
    } catch {
      result.warnings.push('Skipped a structured-data (JSON-LD) block that is not valid JSON.');
    }
  }
  return result;
}

/** Some CMSs wrap the block in <!-- -->; a strict parse would reject an otherwise fine block. */
function stripHtmlComment(source: string): string {
  return source.replace(/^\s*<!--/, '').replace(/-->\s*$/, '');
}
