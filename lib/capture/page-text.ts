const SKIPPED = new Set(['HEAD', 'TITLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT']);
const BLOCK = /^(P|DIV|LI|TR|TD|TH|BR|H[1-6]|SECTION|ARTICLE|FOOTER|HEADER|ADDRESS|DT|DD|TABLE|UL|OL|NAV|ASIDE|BLOCKQUOTE|FORM|LABEL)$/;

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

type Pending = Node | 'newline';

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
 * the forward walk stopped, so no text is read twice.
 */
function walk(root: Node, textBudget: number, nodeBudget: number, direction: 'forward' | 'backward', until?: Node): { parts: string[]; stoppedAt: Node | null } {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  const stack: Pending[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'newline') {
      parts.push('\n');
      continue;
    }
    if (node === until) return { parts, stoppedAt: node };
    if (++visited > nodeBudget || length > textBudget) return { parts, stoppedAt: node };
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = (node as Element).tagName?.toUpperCase() ?? '';
    if (SKIPPED.has(tag)) continue;
    const block = BLOCK.test(tag);
    if (block) stack.push('newline');
    const children = node.childNodes;
    if (direction === 'forward') for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    else for (let i = 0; i < children.length; i++) stack.push(children[i]!);
    if (block && direction === 'backward') stack.push('newline');
  }
  return { parts, stoppedAt: null };
}

/** Collapses runs of spaces inside lines and drops empty lines. */
export function tidyLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean);
}

export function snippetAround(text: string, index: number, length: number, radius = 60): string {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + length + radius);
  return text.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 500);
}
