import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../lib/clock';
import type { Lead } from '../../../lib/schema';
import { mergeCopies, mergeWrite, mutationFor } from '../../../lib/sync';
import { makeLead, stamper } from '../../server/records';

const stampArb = fc.record({ millis: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_010 }), counter: fc.nat({ max: 3 }), node: fc.constantFrom('a', 'b', 'c') }).map(formatHlc);
const base = makeLead(formatHlc({ millis: 1_600_000_000_000, counter: 0, node: 'z' }));
const leadCopy = fc
  .record({ tier: fc.constantFrom('S', 'A', null), tierV: stampArb, region: fc.constantFrom('Berlin', 'Shenzhen', null), regionV: stampArb, deleted: fc.boolean(), deletedV: stampArb })
  .map(({ tier, tierV, region, regionV, deleted, deletedV }): Lead => ({
    ...base,
    tier: tier as Lead['tier'],
    region,
    deletedAt: deleted ? '2026-11-02T00:00:00.000Z' : null,
    versions: { ...base.versions, tier: tierV, region: regionV, deletedAt: deletedV },
  }));

describe('field-by-field merge', () => {
  it('is commutative, associative and idempotent, so replicas converge in any order', () => {
    fc.assert(
      fc.property(leadCopy, leadCopy, leadCopy, (a, b, c) => {
        expect(mergeCopies('leads', a, b)).toEqual(mergeCopies('leads', b, a));
        expect(mergeCopies('leads', mergeCopies('leads', a, b), c)).toEqual(mergeCopies('leads', a, mergeCopies('leads', b, c)));
        expect(mergeCopies('leads', a, a)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the later stamp of each field and reports the losing value', () => {
    const older = stamper('a')();
    const newer = stamper('b', Date.UTC(2026, 10, 5))();
    const lead = { ...base, tier: 'A' as const, versions: { ...base.versions, tier: newer } };
    const { record, lost, taken } = mergeWrite('leads', lead, { fields: { tier: 'C', region: 'Berlin' }, versions: { tier: older, region: newer } }, base.updatedAt);
    expect(record).toMatchObject({ tier: 'A', region: 'Berlin' });
    expect(taken).toEqual(['region']);
    expect(lost).toEqual([{ field: 'tier', loser: 'incoming', lostValue: 'C', lostVersion: older, keptValue: 'A', keptVersion: newer }]);
  });
});

describe('what a local change sends', () => {
  it('a new record is sent whole; an edit sends only the fields whose stamp changed, with what the device had seen', () => {
    const next = stamper('d', Date.UTC(2026, 10, 3));
    const lead = makeLead(next());
    expect(mutationFor('leads', undefined, lead)).toEqual({ op: 'put', table: 'leads', record: lead });
    const stamp = next();
    const edited: Lead = { ...lead, tier: 'B', origins: { tier: { by: 'rep' } }, versions: { ...lead.versions, tier: stamp } };
    expect(mutationFor('leads', lead, edited)).toEqual({ op: 'patch', table: 'leads', id: lead.id, fields: { tier: 'B' }, versions: { tier: stamp }, origins: { tier: { by: 'rep' } }, baseVersions: lead.versions });
    expect(mutationFor('leads', lead, { ...lead, updatedAt: '2026-11-04T00:00:00.000Z' })).toBeNull();
    const deleted: Lead = { ...lead, deletedAt: '2026-11-04T00:00:00.000Z', versions: { ...lead.versions, deletedAt: stamp } };
    expect(mutationFor('leads', lead, deleted)).toMatchObject({ fields: { deletedAt: '2026-11-04T00:00:00.000Z', mergedInto: null } });
  });
});
