/**
 * Tags as `nodeName` gives them: upper case for HTML elements, as written for SVG and XHTML ones. Sets of both
 * spellings rather than a toUpperCase() and a regular expression per element: the walk visits every node of the
 * page, and in Chromium that per-element work was most of its time.
 */
const bothCases = (tags: string[]) => new Set(tags.flatMap((tag) => [tag, tag.toLowerCase()]));
const SKIPPED = bothCases(['HEAD', 'TITLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT']);
const BLOCK = bothCases(['P', 'DIV', 'LI', 'TR', 'TD', 'TH', 'BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'FOOTER', 'HEADER', 'ADDRESS', 'DT', 'DD', 'TABLE', 'UL', 'OL', 'NAV', 'ASIDE', 'BLOCKQUOTE', 'FORM', 'LABEL']);

/** Upper bounds that keep a 10 MB or deeply nested page from stalling the tab. */
export const TEXT_BUDGET = 400_000;
export const NODE_BUDGET = 200_000;
/**
 * Of the budgets, the share kept for the end of a page that is too large to read whole: contacts, the
 * address and the copyright line sit at the bottom, so a page cut after its first part would lose them.
 */
const TAIL_SHARE = 0.25;

export interface PageText {
  text: string;
  truncated: boolean;
}

/** A node still to read, or null: the line break that closes (or, walking backward, opens) a block. */
type Pending = Node | null;

/**
 * The page's visible text in document order, one line per block, without scripts and styles. Walks with an
 * explicit stack (no recursion, so nesting depth cannot overflow) and stops at the budgets; a page larger than
 * them is read from its start and from its end (its footer), leaving out the middle.
 */
export function readPageText(root: Node, textBudget = TEXT_BUDGET, nodeBudget = NODE_BUDGET): PageText {
  const tailText = Math.floor(textBudget * TAIL_SHARE);
  const tailNodes = Math.floor(nodeBudget * TAIL_SHARE);
  const head = walk(root, textBudget - tailText, nodeBudget - tailNodes, 'forward');
  if (head.stoppedAt === null) return { text: head.parts.join(''), truncated: false };
  const tail = walk(root, tailText, tailNodes, 'backward', head.stoppedAt);
  return { text: `${head.parts.join('')}\n${tail.parts.reverse().join('')}`, truncated: true };
}

/**
 * Collects text nodes from the start of the page (forward) or from its end (backward: parts come out last
 * first). Returns the node it stopped at when a budget ran out; a backward walk also stops at `until`, where
 * the forward walk stopped, so no text is read twice. Children are reached through firstChild/nextSibling
 * rather than childNodes lists, which Chromium builds per element.
 */
function walk(root: Node, textBudget: number, nodeBudget: number, direction: 'forward' | 'backward', until?: Node): { parts: string[]; stoppedAt: Node | null } {
  const parts: string[] = [];
  const forward = direction === 'forward';
  let length = 0;
  let visited = 0;
  const stack: Pending[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      parts.push('\n');
      continue;
    }
    if (node === until) return { parts, stoppedAt: node };
    if (++visited > nodeBudget || length > textBudget) return { parts, stoppedAt: node };
    const type = node.nodeType;
    if (type === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      continue;
    }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    const block = type === 1 && BLOCK.has(node.nodeName);
    if (type === 1 && !block && SKIPPED.has(node.nodeName)) continue;
    if (block) stack.push(null);
    if (forward) for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    else for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
    if (block && !forward) stack.push(null);
  }
  return { parts, stoppedAt: null };
}

/** Collapses runs of spaces inside lines and drops empty lines. */
export function tidyLines(text: string): string[] {
  // One replace over the whole text: a replace per line costs more than its work on pages of many short lines.
  const lines = text.replace(/[^\S\n]+/g, ' ').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed) kept.push(trimmed);
  }
  return kept;
}

export function snippetAround(text: string, index: number, length: number, radius = 60): string {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + length + radius);
  return text.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 500);
}
