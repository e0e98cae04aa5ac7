import { registrableDomain } from '../domain';
import type { EvidenceSource, PhoneKind } from '../schema';
import { readMicrodataContacts } from './microdata-contacts';
import { isOrganizationType, schemaTypes } from './organization-record';

const MAX_NODES = 5_000;
const MAX_ITEMS = 100;
/** Where a company's own people and places hang; "author", "brand", "manufacturer", "seller" are not followed (other people, other companies). */
const OWN_PEOPLE = new Set(['founder', 'founders', 'employee', 'employees', 'member', 'members', 'contactPoint']);
const OWN_PLACES = new Set(['address', 'location', 'contactPoint', 'department', 'subOrganization']);
const SELF_KEYS = new Set(['mainEntity', 'about', 'publisher', 'provider', 'copyrightHolder', 'owner']);

export interface StructuredValue {
  raw: string;
  source: EvidenceSource;
  snippet: string;
  kind?: PhoneKind;
}

export interface StructuredPerson {
  name: string;
  title?: string;
  emails: string[];
  phones: string[];
  source: EvidenceSource;
  snippet: string;
}

export interface StructuredAddress {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  /** The address as one string, when the markup gives it so. */
  text?: string;
  source: EvidenceSource;
  snippet: string;
}

export interface StructuredContacts {
  emails: StructuredValue[];
  phones: StructuredValue[];
  people: StructuredPerson[];
  addresses: StructuredAddress[];
  /** Domains the company declares as its own (url, sameAs is not: that lists profiles elsewhere). */
  ownDomains: string[];
  warnings: string[];
}

type Node = Record<string, unknown>;

/**
 * The company's contacts as its structured data states them: JSON-LD (the blocks parseJsonLdBlocks read,
 * which also reports unreadable ones), microdata and hCard (`readMicrodataContacts`). Only the company's
 * own nodes are read (the organisation, its contact points, founders and employees, its addresses), so a
 * product's manufacturer, an article's author or a listed partner does not become a contact.
 */
export function readStructuredContacts(doc: Document, jsonLdBlocks: readonly unknown[], domain: string | null): StructuredContacts {
  const result: StructuredContacts = { emails: [], phones: [], people: [], addresses: [], ownDomains: [], warnings: [] };
  for (const block of jsonLdBlocks) readJsonLdBlock(block, result, domain);
  readMicrodataContacts(doc, result);
  return result;
}

function readJsonLdBlock(parsed: unknown, result: StructuredContacts, domain: string | null): void {
  const roots: Node[] = [];
  const byId = new Map<string, Node>();
  // A queue, so that the block's nodes are read in the order the page lists them.
  const pending: unknown[] = [parsed];
  for (let head = 0; head < pending.length && head < MAX_NODES; head++) {
    const node = pending[head];
    if (Array.isArray(node)) pending.push(...node.slice(0, MAX_ITEMS));
    else if (isNode(node)) {
      if (Array.isArray(node['@graph'])) pending.push(...node['@graph'].slice(0, MAX_ITEMS));
      roots.push(node);
      if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
    }
  }
  const ownOrganizations = siteOrganizations(roots, domain);
  const resolve = (value: unknown): unknown => (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1 ? byId.get(value['@id']) ?? value : value);
  const seen = new Set<Node>();
  const visit = (node: Node, depth: number) => {
    if (seen.has(node) || depth > 4 || seen.size > MAX_NODES) return;
    seen.add(node);
    const types = schemaTypes(node);
    if (types.includes('Person')) return readPerson(node, result);
    if (types.includes('PostalAddress') || (types.length === 0 && ('streetAddress' in node || 'addressLocality' in node))) return readAddress(node, result);
    const own = isOrganizationType(types) || types.includes('ContactPoint') || types.includes('Place');
    if (own) readOrganization(node, result);
    for (const [key, value] of Object.entries(node)) {
      const follow = own ? OWN_PEOPLE.has(key) || OWN_PLACES.has(key) : SELF_KEYS.has(key);
      if (!follow) continue;
      if (own && key === 'address' && typeof value === 'string') readAddress({ text: value }, result);
      for (const child of listOf(value).slice(0, MAX_ITEMS).map(resolve)) if (isNode(child)) visit(child, depth + 1);
    }
  };
  for (const root of roots) {
    const types = schemaTypes(root);
    if (types.includes('Person') && !root.jobTitle && !root.worksFor) continue; // an author page, not a contact
    if (isOrganizationType(types) && !ownOrganizations.has(root)) continue; // a partner, client or brand it lists
    visit(root, 0);
  }
}

/**
 * Which of a block's top-level organizations are the site's own: those whose url is on the page's domain;
 * when none is, the first one (a site often declares its other domain, acme.com on acme.cn). The rest are
 * companies the page lists (partners, clients, a directory), whose contacts are not the site's.
 */
function siteOrganizations(roots: readonly Node[], domain: string | null): Set<Node> {
  const organizations = roots.filter((root) => isOrganizationType(schemaTypes(root)));
  const onDomain = organizations.filter((org) => domain !== null && strings(org.url).some((url) => registrableDomain(url) === domain));
  return new Set(onDomain.length > 0 ? onDomain : organizations.slice(0, 1));
}

function readOrganization(node: Node, result: StructuredContacts): void {
  const snippet = JSON.stringify({ '@type': node['@type'], name: node.name }).slice(0, 300);
  const faxContact = /fax/i.test(String(node.contactType ?? ''));
  for (const phone of strings(node.telephone)) result.phones.push({ raw: phone, source: 'json-ld', snippet: `telephone: ${phone}`, kind: faxContact ? 'fax' : undefined });
  for (const fax of strings(node.faxNumber)) result.phones.push({ raw: fax, source: 'json-ld', snippet: `faxNumber: ${fax}`, kind: 'fax' });
  for (const email of strings(node.email)) result.emails.push({ raw: email, source: 'json-ld', snippet });
  for (const url of strings(node.url)) {
    const host = /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
    if (host && result.ownDomains.length < 10) result.ownDomains.push(host);
  }
}

function readPerson(node: Node, result: StructuredContacts): void {
  const name = strings(node.name)[0] ?? [strings(node.givenName)[0], strings(node.familyName)[0]].filter(Boolean).join(' ');
  if (!name || result.people.length >= MAX_ITEMS) return;
  const emails = strings(node.email).map((email) => email.replace(/^mailto:/i, ''));
  const phones = strings(node.telephone);
  result.people.push({ name, title: strings(node.jobTitle)[0], emails, phones, source: 'json-ld', snippet: JSON.stringify({ '@type': 'Person', name, jobTitle: node.jobTitle }).slice(0, 300) });
  emails.forEach((email) => result.emails.push({ raw: email, source: 'json-ld', snippet: `${name}: ${email}` }));
  phones.forEach((phone) => result.phones.push({ raw: phone, source: 'json-ld', snippet: `${name}: ${phone}` }));
}

function readAddress(node: Node, result: StructuredContacts): void {
  if (result.addresses.length >= MAX_ITEMS) return;
  const country = node.addressCountry;
  const address: StructuredAddress = {
    street: strings(node.streetAddress)[0],
    city: strings(node.addressLocality)[0],
    region: strings(node.addressRegion)[0],
    postalCode: strings(node.postalCode)[0],
    country: strings(country)[0] ?? (isNode(country) ? strings(country.name)[0] : undefined),
    text: strings(node.text)[0],
    source: 'json-ld',
    snippet: JSON.stringify(node).slice(0, 300),
  };
  if (address.street || address.city || address.text) result.addresses.push(address);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** Text values of a property (a string, a number, or a list of them), trimmed and bounded. */
function strings(value: unknown): string[] {
  return listOf(value)
    .slice(0, 20)
    .map((item) => (typeof item === 'string' ? item.trim() : typeof item === 'number' ? String(item) : ''))
    .filter((item) => item.length > 0 && item.length <= 500);
}
