import type { Hlc } from '../../lib/schema';

/**
 * A record's field stamps as the records table stores them (its `versions` column): each distinct stamp once,
 * followed by the fields that carry it, comma-separated — `[stamp, "name,domain,...", stamp2, "stage"]`.
 *
 * A lead stamps some forty fields, mostly with one or two stamps, and as a plain map they were two-thirds of
 * its stored JSON: the database parsed and compressed 1,800 bytes of them per lead on every write, about half
 * of its work in a push. Packed, they are some 400 bytes and two JSON strings.
 *
 * A map with a field name that has a comma in it is stored as it is (an object): the record schemas allow any
 * key in `versions`, and the round trip must be exact.
 */
export type PackedVersions = string[] | Record<string, Hlc>;

const SEPARATOR = ',';

export function packVersions(versions: Record<string, Hlc>): PackedVersions {
  const stamps: Hlc[] = [];
  const fieldLists: string[][] = [];
  // Fields mostly come in runs of one stamp: the list is looked up only when the stamp changes.
  let previous: Hlc | undefined;
  let fields: string[] = [];
  for (const field of Object.keys(versions)) {
    if (field.includes(SEPARATOR)) return versions;
    const stamp = versions[field]!;
    if (stamp !== previous) {
      const at = stamps.indexOf(stamp);
      if (at >= 0) fields = fieldLists[at]!;
      else {
        stamps.push(stamp);
        fieldLists.push((fields = []));
      }
      previous = stamp;
    }
    fields.push(field);
  }
  const packed: string[] = [];
  stamps.forEach((stamp, i) => packed.push(stamp, fieldLists[i]!.join(SEPARATOR)));
  return packed;
}

export function unpackVersions(stored: PackedVersions): Record<string, Hlc> {
  if (!Array.isArray(stored)) return stored;
  // Assigned one by one (fields in the same order give objects of one shape, which is fast), except a field
  // named "__proto__", which is defined: assigned, it would set the object's prototype instead.
  const versions: Record<string, Hlc> = {};
  for (let i = 0; i < stored.length; i += 2) {
    const stamp = stored[i]!;
    for (const field of stored[i + 1]!.split(SEPARATOR)) {
      if (field === '__proto__') Object.defineProperty(versions, field, { value: stamp, enumerable: true, writable: true, configurable: true });
      else versions[field] = stamp;
    }
  }
  return versions;
}
