/** A link on the page (`<a href>` or an image map's `<area href>`) with its href as written. */
export interface PageLink {
  element: Element;
  href: string;
  /** An image map's area rather than an anchor. */
  area: boolean;
}

/**
 * The page's links in document order, read once for every reader that looks at links (tel:, mailto:, WhatsApp,
 * social profiles). One plain selector and a pattern per href cost far less in Chromium than one selector per
 * kind of link: case-insensitive substring selectors (`a[href*="wa.me/" i]`) fold the case of every href on
 * the page, each time.
 */
export function readPageLinks(doc: Document): PageLink[] {
  const elements = doc.querySelectorAll('a[href], area[href]');
  const links: PageLink[] = new Array(elements.length);
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    links[i] = { element, href: element.getAttribute('href') ?? '', area: element.nodeName.toUpperCase() === 'AREA' };
  }
  return links;
}
