import fc from 'fast-check';
import { expect, it } from 'vitest';
import { packVersions, unpackVersions } from '../../server/sync/packed-versions';
import { makeLead, stamper } from './records';

const stamps = ['1793491200001-0000-deviceaaaa', '1793491200002-0000-deviceaaaa', '1793491200002-0001-devicebbbb'];

it('stores a new lead\'s forty-odd field stamps as one stamp and its field list, and reads back the same map', () => {
  const lead = makeLead(stamper('deviceaaaa')());
  const packed = packVersions(lead.versions);
  expect(packed).toEqual([Object.values(lead.versions)[0], Object.keys(lead.versions).join(',')]);
  expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(lead.versions).length / 3);
  expect(unpackVersions(JSON.parse(JSON.stringify(packed)))).toEqual(lead.versions);
});

it('reads back exactly the stamps it stored, whatever the field names (commas, "__proto__", empty)', () => {
  const fieldName = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', '', ',', 'a,b', 'toString'));
  fc.assert(
    fc.property(fc.dictionary(fieldName, fc.constantFrom(...stamps), { maxKeys: 50 }), (versions) => {
      // Through JSON, as the database stores it: "__proto__" stays an own field on both sides.
      const stored = JSON.parse(JSON.stringify(packVersions(versions)));
      const back = unpackVersions(stored);
      expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
      expect(Object.entries(back).sort()).toEqual(Object.entries(versions).sort());
    }),
    { numRuns: 500 },
  );
});

it('reads a row written before the stamps were packed (a plain map) as it is', () => {
  const plain = { name: stamps[0]!, domain: stamps[1]! };
  expect(unpackVersions(plain)).toEqual(plain);
});
