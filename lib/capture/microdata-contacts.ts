import type { PhoneKind } from '../schema';
import type { StructuredContacts } from './structured-contacts';

const MAX_SCOPES = 300;
const MAX_PROPS = 200;
/** Item properties that point at someone else: a review's author, a product's maker. */
const OTHERS = /^(?:author|creator|reviewer|editor|contributor|review|brand|manufacturer|seller|sponsor|funder|alumniOf|memberOf|recipient)$/;

/**
 * Contacts from microdata (itemscope/itemtype schema.org Person, Organization and PostalAddress) and
 * from hCard microformats (class="vcard", "tel", "adr"), which older business sites still use. Both are
 * reported with the source "microdata".
 */
export function readMicrodataContacts(doc: Document, result: StructuredContacts): void {
  const scopes = doc.querySelectorAll('[itemscope][itemtype]');
  for (let i = 0; i < scopes.length && i < MAX_SCOPES; i++) readItem(scopes[i]!, result);
  readHCards(doc, result);
}

function readItem(scope: Element, result: StructuredContacts): void {
  const type = (scope.getAttribute('itemtype') ?? '').split(/[/#]/).pop() ?? '';
  if (OTHERS.test(scope.getAttribute('itemprop') ?? '') || insideOthers(scope)) return;
  const props = propsOf(scope);
  const first = (name: string) => props.get(name)?.[0];
  const snippet = (scope.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
  if (type === 'Person') {
    const name = first('name') ?? [first('givenName'), first('familyName')].filter(Boolean).join(' ');
    if (!name || (!scope.hasAttribute('itemprop') && !first('jobTitle'))) return;
    const emails = (props.get('email') ?? []).map((email) => email.replace(/^mailto:/i, ''));
    const phones = props.get('telephone') ?? [];
    result.people.push({ name, title: first('jobTitle'), emails, phones, source: 'microdata', snippet });
    emails.forEach((raw) => result.emails.push({ raw, source: 'microdata', snippet }));
    phones.forEach((raw) => result.phones.push({ raw, source: 'microdata', snippet }));
  } else if (type === 'PostalAddress') {
    const address = { street: first('streetAddress'), city: first('addressLocality'), region: first('addressRegion'), postalCode: first('postalCode'), country: first('addressCountry') };
    if (address.street || address.city) result.addresses.push({ ...address, source: 'microdata', snippet });
  } else {
    for (const raw of props.get('telephone') ?? []) result.phones.push({ raw, source: 'microdata', snippet });
    for (const raw of props.get('faxNumber') ?? []) result.phones.push({ raw, source: 'microdata', snippet, kind: 'fax' });
    for (const raw of props.get('email') ?? []) result.emails.push({ raw: raw.replace(/^mailto:/i, ''), source: 'microdata', snippet });
  }
}

function insideOthers(scope: Element): boolean {
  for (let parent = scope.parentElement?.closest('[itemscope]'); parent; parent = parent.parentElement?.closest('[itemscope]')) {
    if (OTHERS.test(parent.getAttribute('itemprop') ?? '')) return true;
  }
  return false;
}

/** The item's own properties (not those of items nested in it), each with its values. */
function propsOf(scope: Element): Map<string, string[]> {
  const props = new Map<string, string[]>();
  const elements = scope.querySelectorAll('[itemprop]');
  for (let i = 0; i < elements.length && i < MAX_PROPS; i++) {
    const element = elements[i]!;
    if (element.parentElement?.closest('[itemscope]') !== scope) continue;
    const value = valueOf(element);
    if (!value) continue;
    for (const name of (element.getAttribute('itemprop') ?? '').split(/\s+/)) {
      if (name) props.set(name, [...(props.get(name) ?? []), value]);
    }
  }
  return props;
}

function valueOf(element: Element): string | undefined {
  const tag = element.tagName.toUpperCase();
  const raw =
    tag === 'META' ? element.getAttribute('content') : tag === 'A' || tag === 'LINK' || tag === 'AREA' ? element.getAttribute('href') : tag === 'TIME' ? element.getAttribute('datetime') : element.textContent;
  const value = (raw ?? '').replace(/^(?:tel|callto):/i, '').replace(/\s+/g, ' ').trim();
  return value && value.length <= 500 ? value : undefined;
}

function readHCards(doc: Document, result: StructuredContacts): void {
  const tels = doc.querySelectorAll('.vcard .tel');
  for (let i = 0; i < tels.length && i < MAX_SCOPES; i++) {
    const tel = tels[i]!;
    const values = [...tel.querySelectorAll('.value')];
    const entries = values.length > 0 ? values : [tel];
    for (const entry of entries.slice(0, 10)) {
      const raw = (entry.textContent ?? '').replace(/\s+/g, ' ').trim();
      const type = hCardType(entry === tel ? tel : entry, tel);
      if (raw) result.phones.push({ raw: raw.slice(0, 60), source: 'microdata', snippet: `${type ?? 'tel'}: ${raw}`.slice(0, 200), kind: kindOfType(type) });
    }
  }
  const emails = doc.querySelectorAll('.vcard .email');
  for (let i = 0; i < emails.length && i < MAX_SCOPES; i++) {
    const email = emails[i]!;
    const raw = (email.getAttribute('href') ?? email.textContent ?? '').replace(/^mailto:/i, '').split('?')[0]!.trim();
    if (raw) result.emails.push({ raw, source: 'microdata', snippet: raw });
  }
  const addresses = doc.querySelectorAll('.adr');
  for (let i = 0; i < addresses.length && i < MAX_SCOPES; i++) {
    const adr = addresses[i]!;
    const part = (name: string) => adr.querySelector(`.${name}`)?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
    const street = [part('street-address'), part('extended-address')].filter(Boolean).join(', ') || undefined;
    const address = { street, city: part('locality'), region: part('region'), postalCode: part('postal-code'), country: part('country-name') };
    if (address.street || address.city) result.addresses.push({ ...address, source: 'microdata', snippet: (adr.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300) });
  }
}

/** The hCard type of a tel value: a "type" element inside it, or the nearest one before it ("Fax: <value>"). */
function hCardType(entry: Element, tel: Element): string | undefined {
  const inner = entry.querySelector('.type')?.textContent;
  if (inner) return inner.trim();
  for (let node = entry.previousElementSibling; node; node = node.previousElementSibling) {
    if (node.classList.contains('value')) break;
    if (node.classList.contains('type')) return node.textContent?.trim();
  }
  return tel.getAttribute('title') ?? undefined;
}

function kindOfType(type: string | undefined): PhoneKind | undefined {
  if (!type) return undefined;
  if (/fax|传真/i.test(type)) return 'fax';
  if (/cell|mobile|手机/i.test(type)) return 'mobile';
  return undefined;
}
