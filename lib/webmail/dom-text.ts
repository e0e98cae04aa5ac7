/** Elements that start a new line in rendered text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'svg', 'SVG']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface BlockText {
  text: string;
  /** True when reading stopped at `maxChars`: the rest of the element was not read. */
  cut: boolean;
}

/**
 * The text of an element with a line break at each block, without the elements matching `exclude` (quoted
 * history, hidden trims). `textContent` would glue a signature's lines together; `innerText` costs a layout
 * and does not exist in the unit tests' DOM. Stops after `maxChars`, so a 5 MB body costs what its cap costs.
 */
export function blockText(root: Element, maxChars: number, exclude?: string): BlockText {
  const parts: string[] = [];
  let length = 0;
  let cut = false;
  let atLineStart = true;
  const push = (text: string) => {
    const room = maxChars - length;
    const piece = text.length > room ? text.slice(0, room) : text;
    cut = text.length > room;
    parts.push(piece);
    length += piece.length;
    if (piece) atLineStart = piece.endsWith('\n');
  };
  // A block boundary starts a line once ("</div><div>" is one break); a <br> always breaks (<div><br></div> is a blank line).
  const lineBreak = () => {
    if (!atLineStart) push('\n');
  };
  // Iterative walk: a deeply nested hostile body must not overflow the stack.
  const stack: Array<Node | 'break'> = [root];
  while (stack.length > 0 && !cut) {
    const item = stack.pop()!;
    if (item === 'break') {
      lineBreak();
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      // Whitespace between inline elements separates words ("<b>Jane</b> <i>Doe</i>").
      const text = (item.nodeValue ?? '').replace(/[\s\u00a0\u202f]+/g, ' ');
      if (text && !(atLineStart && text === ' ')) push(text);
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue;
    const element = item as Element;
    if (SKIP.has(element.tagName) || (element !== root && exclude && element.matches(exclude))) continue;
    if (element.tagName === 'BR') {
      push('\n');
      continue;
    }
    if (BLOCK.has(element.tagName)) {
      lineBreak();
      stack.push('break');
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { text: tidyLines(parts.join('')), cut };
}

/** Trims each line, drops runs of blank lines (keeping one as a paragraph break). */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whitespace-collapsed text of an element, cut at `max` characters. */
export function shortText(element: Element | null | undefined, max = 1_000): string {
  if (!element) return '';
  return (element.textContent ?? '').slice(0, max * 4).replace(/[\s\u00a0\u202f]+/g, ' ').trim().slice(0, max);
}

/**
 * True when an element or an ancestor is hidden. Gmail keeps earlier views in the page with
 * `display: none` (InboxSDK gmail-element-getter): the visible one is the one open. Uses the browser's
 * `checkVisibility` when there is one, else inline styles and `hidden` (what the unit tests' DOM has).
 */
export function isHidden(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function' && element.ownerDocument?.defaultView?.getComputedStyle) return !check.call(element);
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const style = node.getAttribute('style');
    if (style && /display\s*:\s*none/i.test(style)) return true;
  }
  return false;
}

/** The live value of an input (what the rep typed), or its attribute where the DOM has no live value. */
export function inputValue(input: Element): string {
  const live = (input as Partial<HTMLInputElement>).value;
  return typeof live === 'string' ? live : (input.getAttribute('value') ?? '');
}

/** The first element matching the selectors, tried in order of preference (not document order). */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}
