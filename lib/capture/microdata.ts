import {
  isOrganizationType,
  isOwnOrganizationPlacement,
  toStructuredOrganization,
  type StructuredOrganization,
  type StructuredRecord,
} from './organization-record';

const MAX_ITEMS = 300;
const MAX_RECORDS = 50;
const MAX_NODES_PER_ITEM = 3_000;
const MAX_NESTING = 4;
const MAX_VALUES_PER_PROPERTY = 20;

export interface MicrodataResult {
  /** The site's own organizations (top-level items, or nested as publisher/provider...). */
  organizations: StructuredOrganization[];
}

/**
 * schema.org microdata (itemscope/itemtype/itemprop) read into the same JSON-LD-shaped records the JSON-LD
 * reader produces. Bounded: at most 300 items and a few thousand nodes per item.
 */
export function readMicrodata(doc: Document): MicrodataResult {
  const result: MicrodataResult = { organizations: [] };
  const items = doc.querySelectorAll('[itemscope][itemtype]');
  for (let i = 0; i < items.length && i < MAX_ITEMS; i++) {
    const item = items[i]!;
    const types = itemTypes(item);
    const via = item.getAttribute('itemprop')?.trim().split(/\s+/)[0];
    if (isOrganizationType(types) && isOwnOrganizationPlacement(via) && result.organizations.length < MAX_RECORDS) {
      result.organizations.push(toStructuredOrganization(readItem(item, 0), 'microdata', via));
    }
  }
  return result;
}

function itemTypes(item: Element): string[] {
  return (item.getAttribute('itemtype') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((type) => type.replace(/^(https?:\/\/)?(www\.)?schema\.org\//i, '').replace(/\/$/, ''));
}

/** One item as a JSON-LD-like record; properties are collected into Maps first so no page text becomes an object key. */
function readItem(item: Element, nesting: number): StructuredRecord {
  const values = new Map<string, unknown[]>();
  const stack: Element[] = [];
  for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  let visited = 0;
  while (stack.length > 0 && ++visited <= MAX_NODES_PER_ITEM) {
    const element = stack.pop()!;
    const props = element.getAttribute('itemprop');
    const nested = element.hasAttribute('itemscope');
    if (props) {
      const value = nested ? (nesting < MAX_NESTING ? readItem(element, nesting + 1) : undefined) : propertyValue(element);
      for (const prop of props.trim().split(/\s+/).slice(0, 5)) {
        const list = values.get(prop) ?? [];
        if (value !== undefined && list.length < MAX_VALUES_PER_PROPERTY) list.push(value);
        values.set(prop, list);
      }
    }
    if (nested) continue;
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
  }
  const entries: Array<[string, unknown]> = [['@type', itemTypes(item)]];
  for (const [prop, list] of values) if (list.length > 0) entries.push([prop, list.length === 1 ? list[0] : list]);
  // Object.fromEntries defines own properties, so a "__proto__" itemprop cannot reach the prototype.
  return Object.fromEntries(entries);
}

function propertyValue(element: Element): string | undefined {
  const tag = element.tagName.toUpperCase();
  const attribute =
    tag === 'META' ? 'content'
    : tag === 'A' || tag === 'LINK' || tag === 'AREA' ? 'href'
    : tag === 'IMG' || tag === 'AUDIO' || tag === 'VIDEO' || tag === 'SOURCE' || tag === 'IFRAME' || tag === 'EMBED' ? 'src'
    : tag === 'OBJECT' ? 'data'
    : tag === 'TIME' ? 'datetime'
    : tag === 'DATA' || tag === 'METER' ? 'value'
    : undefined;
  const raw = attribute ? element.getAttribute(attribute) ?? (tag === 'TIME' ? element.textContent : null) : element.textContent;
  const value = raw?.replace(/\s+/g, ' ').trim().slice(0, 2000);
  return value || undefined;
}
