import fc from 'fast-check';
import { applyLeadPatch, mergeLeadCopies, newLeadFromCapture } from '@/lib/leads';
import type { Lead, Stage } from '@/lib/schema';
import { Stage as StageSchema } from '@/lib/schema';
import { makeCapture } from '../../helpers/make-capture';

const base = newLeadFromCapture({
  id: '019a0f3e-5c00-7a00-8000-00000000b001',
  code: 'LX2026001',
  capture: makeCapture(),
  stamp: '1763892000000-0000-origin',
  now: '2026-11-23T10:00:00.000Z',
  ownerId: null,
});

describe('editing and merging copies of a lead', () => {
  it('stamps only the fields that changed', () => {
    const edited = applyLeadPatch(base, { stage: 'initial_contact', name: base.name }, '1763892000001-0000-rep1', '2026-11-23T10:01:00.000Z');
    expect(edited.stage).toBe('initial_contact');
    expect(edited.versions.stage).toBe('1763892000001-0000-rep1');
    expect(edited.versions.name).toBe(base.versions.name);
    expect(applyLeadPatch(base, { name: base.name }, '1763892000001-0000-rep1', 'x')).toBe(base);
  });

  it('two reps editing different fields offline both keep their edits', () => {
    const repA = applyLeadPatch(base, { stage: 'needs_confirmed' }, '1763892000100-0000-repa', '2026-11-23T10:02:00.000Z');
    const repB = applyLeadPatch(base, { description: 'Wants 20 robots in Q1' }, '1763892000050-0000-repb', '2026-11-23T10:03:00.000Z');
    const merged = mergeLeadCopies(repA, repB);
    expect(merged.stage).toBe('needs_confirmed');
    expect(merged.description).toBe('Wants 20 robots in Q1');
    expect(mergeLeadCopies(repB, repA)).toEqual(merged);
  });

  it('the later edit of the same field wins, whichever copy arrives first', () => {
    const early = applyLeadPatch(base, { name: 'Acme' }, '1763892000100-0000-repa', 't1');
    const late = applyLeadPatch(base, { name: 'ACME Robotics Ltd' }, '1763892000200-0000-repb', 't2');
    expect(mergeLeadCopies(early, late).name).toBe('ACME Robotics Ltd');
    expect(mergeLeadCopies(late, early).name).toBe('ACME Robotics Ltd');
  });

  it('merging is commutative, associative and idempotent, so replicas converge in any order', () => {
    const edit = fc.record({
      stage: fc.constantFrom<Stage>(...StageSchema.options),
      name: fc.constantFrom('Acme', 'ACME', 'Acme Robotics'),
      field: fc.constantFrom('stage', 'name'),
      millis: fc.integer({ min: 1_763_892_000_000, max: 1_763_892_000_010 }),
      node: fc.constantFrom('repa', 'repb', 'repc'),
    });
    const copyFrom = (edits: Array<{ stage: Stage; name: string; field: string; millis: number; node: string }>): Lead =>
      edits.reduce(
        (lead, e, i) =>
          applyLeadPatch(lead, e.field === 'stage' ? { stage: e.stage } : { name: e.name }, `${e.millis}-${String(i).padStart(4, '0')}-${e.node}`, 't'),
        base,
      );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 5 }), fc.array(edit, { maxLength: 5 }), fc.array(edit, { maxLength: 5 }), (ea, eb, ec) => {
        const [a, b, c] = [copyFrom(ea), copyFrom(eb), copyFrom(ec)];
        const fields = (lead: Lead) => ({ name: lead.name, stage: lead.stage, versions: lead.versions });
        expect(fields(mergeLeadCopies(a, b))).toEqual(fields(mergeLeadCopies(b, a)));
        expect(fields(mergeLeadCopies(mergeLeadCopies(a, b), c))).toEqual(fields(mergeLeadCopies(a, mergeLeadCopies(b, c))));
        expect(fields(mergeLeadCopies(a, a))).toEqual(fields(a));
      }),
    );
  });

  it("a field's origin travels with its winning value, so a typed value stays protected on every replica", () => {
    const typed = applyLeadPatch(base, { industry: 'automotive' }, '1763892000100-0000-repa', 't');
    const captured = applyLeadPatch(base, { industry: 'manufacturing' }, '1763892000050-0000-repb', 't', { by: 'capture', source: 'enrich:industry', confidence: 0.6, url: null });
    for (const merged of [mergeLeadCopies(typed, captured), mergeLeadCopies(captured, typed)]) {
      expect(merged.industry).toBe('automotive');
      expect(merged.origins.industry).toEqual({ by: 'rep' });
    }
  });

  it('a lead merged away on one copy stays merged, pointing at the survivor, on every copy', () => {
    const merged = { ...base, deletedAt: '2026-11-23T11:00:00.000Z', mergedInto: '019a0f3e-5c00-7a00-8000-00000000b002' };
    const edited = applyLeadPatch(base, { stage: 'lost' }, '1763892000100-0000-repa', 't');
    expect(mergeLeadCopies(edited, merged)).toMatchObject({ deletedAt: merged.deletedAt, mergedInto: merged.mergedInto, stage: 'lost' });
    expect(mergeLeadCopies(merged, edited)).toEqual(mergeLeadCopies(edited, merged));
  });

  it('a delete on one copy survives a merge with an edit on another (tombstones propagate)', () => {
    const deleted = { ...base, deletedAt: '2026-11-23T11:00:00.000Z' };
    const edited = applyLeadPatch(base, { stage: 'lost' }, '1763892000100-0000-repa', 't');
    expect(mergeLeadCopies(edited, deleted).deletedAt).toBe('2026-11-23T11:00:00.000Z');
    expect(mergeLeadCopies(deleted, edited).deletedAt).toBe('2026-11-23T11:00:00.000Z');
  });
});
