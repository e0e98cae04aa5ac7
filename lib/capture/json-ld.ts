import {
  isOrganizationType,
  isOwnOrganizationPlacement,
  own,
  schemaTypes,
  toStructuredOrganization,
  type StructuredOrganization,
  type StructuredRecord,
} from './organization-record';
import type { JsonLdBlocks } from './json-ld-blocks';

/** Nodes visited per block: a 10,000-entry block is cut here with a warning, keeping what was read. */
const MAX_NODES = 5_000;
const MAX_DEPTH = 12;
const MAX_RECORDS = 50;

export type JsonLdOrganization = StructuredOrganization;

export interface JsonLdResult {
  /**
   * The site's own organizations: top-level nodes first, then ones nested as a publisher, provider...
   * (`via` says which). Brands, sellers and authors an Organization merely mentions are left out.
   */
  organizations: StructuredOrganization[];
  /** Raw schema.org Person nodes (founders, employees, authors), for the contacts reader. */
  people: StructuredRecord[];
  /** Raw schema.org PostalAddress nodes, wherever they are nested. */
  addresses: StructuredRecord[];
  warnings: string[];
}

/**
 * Organizations, people and addresses declared in the page's JSON-LD (parsed once by parseJsonLdBlocks),
 * including inside @graph, arrays and nested properties. A block with thousands of nodes is cut short with a
 * warning, keeping what was read; parsed objects are only ever read through their own properties, so a
 * `__proto__` key is inert data. The warnings include the blocks' own (invalid JSON, too large).
 */
export function readJsonLd(jsonLd: JsonLdBlocks): JsonLdResult {
  const result: JsonLdResult = { organizations: [], people: [], addresses: [], warnings: [...jsonLd.warnings] };
  for (const block of jsonLd.blocks) walk(block, result);
  return result;
}

interface Pending {
  value: unknown;
  via: string | undefined;
  depth: number;
}

function walk(root: unknown, result: JsonLdResult): void {
  // A queue (breadth first) so top-level nodes come before nested ones; explicit, so depth cannot overflow.
  const queue: Pending[] = [{ value: root, via: undefined, depth: 0 }];
  const enqueue = (value: unknown, via: string | undefined, depth: number): boolean => {
    if (queue.length >= MAX_NODES) return false;
    queue.push({ value, via, depth });
    return true;
  };
  let complete = true;
  for (let head = 0; head < queue.length; head++) {
    const { value, via, depth } = queue[head]!;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && complete; i++) complete = enqueue(value[i], via, depth + 1);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const record = value as StructuredRecord;
    const types = schemaTypes(record);
    if (isOrganizationType(types)) {
      if (isOwnOrganizationPlacement(via) && result.organizations.length < MAX_RECORDS) {
        result.organizations.push(toStructuredOrganization(record, 'json-ld', via));
      }
    } else if (types.includes('Person')) {
      if (result.people.length < MAX_RECORDS) result.people.push(record);
    } else if (types.includes('PostalAddress')) {
      if (result.addresses.length < MAX_RECORDS) result.addresses.push(record);
    }
    const graph = own(record, '@graph');
    if (graph !== undefined && complete) complete = enqueue(graph, via, depth + 1);
    for (const key of Object.keys(record)) {
      if (!complete) break;
      const child = key.startsWith('@') ? undefined : own(record, key);
      if (child && typeof child === 'object') complete = enqueue(child, key, depth + 1);
    }
  }
  if (!complete) result.warnings.push('Stopped reading a structured-data block with too many entries.');
}
