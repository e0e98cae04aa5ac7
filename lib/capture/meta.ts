const MAX_TAGS = 500;
const MAX_VALUE = 2000;

/** The page's <meta> and <link> tags, read once: OpenGraph, Twitter cards, description, canonical, icons. */
export interface PageMeta {
  /** The first non-empty value of a meta name/property (lower-cased key: "og:site_name", "description"). */
  get(key: string): string | undefined;
  /** The first of several keys that has a value, with the key that had it. */
  first(...keys: string[]): { key: string; value: string } | undefined;
  /** Absolute http(s) URLs of <link rel> tags by rel (lower-cased: "canonical", "apple-touch-icon", "me"). */
  links(rel: string): string[];
  /** The URL relative references on the page resolve against (<base href> or the page URL). */
  baseUrl: string;
}

export function readPageMeta(doc: Document, pageUrl: string): PageMeta {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const baseUrl = (baseHref && absoluteHttpUrl(baseHref, pageUrl)) || pageUrl;
  const values = new Map<string, string>();
  // Hrefs as written, by rel: resolved only for the rels asked for (a page lists dozens of stylesheets).
  const rawLinks = new Map<string, string[]>();
  const tags = doc.querySelectorAll('meta, link[rel][href]');
  for (let i = 0; i < tags.length && i < MAX_TAGS; i++) {
    const tag = tags[i]!;
    if (tag.tagName.toUpperCase() === 'LINK') {
      const href = tag.getAttribute('href') ?? '';
      for (const rel of (tag.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
        const list = rawLinks.get(rel) ?? [];
        list.push(href);
        rawLinks.set(rel, list);
      }
      continue;
    }
    const key = (tag.getAttribute('property') ?? tag.getAttribute('name') ?? tag.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = (tag.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);
    if (key && value && !values.has(key)) values.set(key, value);
  }
  const links = new Map<string, string[]>();
  return {
    get: (key) => values.get(key),
    first: (...keys) => {
      for (const key of keys) {
        const value = values.get(key);
        if (value) return { key, value };
      }
      return undefined;
    },
    links: (rel) => {
      let list = links.get(rel);
      if (!list) {
        list = [];
        for (const href of rawLinks.get(rel) ?? []) {
          if (list.length >= 20) break;
          const absolute = absoluteHttpUrl(href, baseUrl);
          if (absolute) list.push(absolute);
        }
        links.set(rel, list);
      }
      return list;
    },
    baseUrl,
  };
}

/** An absolute http(s) URL for a reference on the page, or undefined (javascript:, data:, mailto:, garbage). */
export function absoluteHttpUrl(reference: string, base: string): string | undefined {
  const trimmed = reference.trim();
  if (!trimmed || trimmed.length > 2048) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
