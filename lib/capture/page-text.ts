const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT']);
const BLOCK = /^(P|DIV|LI|TR|TD|TH|BR|H[1-6]|SECTION|ARTICLE|FOOTER|HEADER|ADDRESS|DT|DD|TABLE|UL|OL|NAV|ASIDE|BLOCKQUOTE|FORM|LABEL)$/;

/** Upper bounds that keep a 10 MB or deeply nested page from stalling the tab. */
export const TEXT_BUDGET = 400_000;
export const NODE_BUDGET = 200_000;

export interface PageText {
  text: string;
  truncated: boolean;
}

/**
 * The page's visible text in document order, one line per block, without scripts and styles.
 * Walks with an explicit stack (no recursion, so nesting depth cannot overflow) and stops at the budgets.
 */
export function readPageText(root: Node, textBudget = TEXT_BUDGET, nodeBudget = NODE_BUDGET): PageText {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  const stack: Array<Node | 'newline'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'newline') {
      parts.push('\n');
      continue;
    }
    if (++visited > nodeBudget || length > textBudget) return { text: parts.join(''), truncated: true };
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = (node as Element).tagName?.toUpperCase() ?? '';
    if (SKIPPED.has(tag)) continue;
    if (BLOCK.test(tag)) stack.push('newline');
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { text: parts.join(''), truncated: false };
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
