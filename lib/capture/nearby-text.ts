const INLINE = /^(?:A|ABBR|B|BDI|BDO|BR|CITE|CODE|EM|FONT|I|LABEL|MARK|Q|S|SMALL|SPAN|STRONG|SUB|SUP|U|TIME)$/;
const MAX_CHARS = 200;
const MAX_NODES = 60;

/** The text in an element, read with a node and character budget (a link's text, not a page's worth). */
export function shortText(node: Node, maxChars = MAX_CHARS): string {
  let out = '';
  let visited = 0;
  const stack: Node[] = [node];
  while (stack.length > 0 && out.length < maxChars && visited++ < MAX_NODES) {
    const current = stack.pop()!;
    if (current.nodeType === 3) out += current.nodeValue ?? '';
    const children = current.childNodes;
    for (let i = Math.min(children.length, MAX_NODES) - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.replace(/\s+/g, ' ').slice(0, maxChars);
}

function inlineRun(start: ChildNode | null, direction: 'previousSibling' | 'nextSibling'): string {
  const parts: string[] = [];
  let length = 0;
  for (let node = start, steps = 0; node && length < MAX_CHARS && steps < 10; node = node[direction], steps++) {
    if (node.nodeType === 1 && !INLINE.test((node as Element).tagName.toUpperCase())) break;
    const text = node.nodeType === 3 ? (node.nodeValue ?? '') : shortText(node);
    parts.push(text);
    length += text.length;
  }
  return (direction === 'previousSibling' ? parts.reverse() : parts).join('').replace(/\s+/g, ' ');
}

/**
 * The words around an element on its line ("Email: <a>…</a>", "<span>Fax</span> <a href=tel:…>"): its own
 * text with the inline text before and after it, one inline level up when it is wrapped. Bounded, so a
 * link whose parent is the whole page costs no more than any other.
 */
export function textAround(element: Element): { before: string; text: string; after: string } {
  const text = shortText(element);
  let before = inlineRun(element.previousSibling, 'previousSibling');
  let after = inlineRun(element.nextSibling, 'nextSibling');
  const parent = element.parentElement;
  if (parent && INLINE.test(parent.tagName.toUpperCase()) && before.trim().length < 3) {
    before = inlineRun(parent.previousSibling, 'previousSibling') + before;
    after += inlineRun(parent.nextSibling, 'nextSibling');
  }
  return { before: before.slice(-MAX_CHARS).trimStart(), text: text.trim(), after: after.slice(0, MAX_CHARS).trimEnd() };
}

/**
 * An element's whole text with runs of spaces collapsed and trimmed, or undefined once it is longer than
 * `limit`: the same as `textContent` for a short text, without reading a large element's whole text.
 */
export function textUpTo(node: Node, limit: number): string | undefined {
  let raw = '';
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeType === 3 || current.nodeType === 4) {
      raw += current.nodeValue ?? '';
      // Collapsing never shortens what is already there, so a prefix over the limit means the whole is too.
      if (raw.length > limit && collapse(raw).length > limit) return undefined;
      continue;
    }
    for (let child = current.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  const text = collapse(raw);
  return text.length <= limit ? text : undefined;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
