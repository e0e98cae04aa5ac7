import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Hlc } from '../../../lib/schema';
import { StampMap } from '../../../lib/sync/stamp-map';

const recordOfStamps = z.record(z.string(), Hlc);
const good = { name: '1762041600001-0000-devicea', stage: '1762041600002-0001-deviceb' };

describe('StampMap', () => {
  it('accepts what a record of clock stamps accepts, unchanged', () => {
    expect(StampMap.parse(good)).toEqual(recordOfStamps.parse(good));
    expect(StampMap.parse({})).toEqual({});
  });

  it('refuses a bad stamp with the field in the path, as the shared schema does', () => {
    const bad = { ...good, region: 'yesterday' };
    const issues = StampMap.safeParse(bad).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([[['region'], 'not a clock stamp']]);
    expect(recordOfStamps.safeParse(bad).error?.issues.map((issue) => issue.path)).toEqual([['region']]);
  });

  it('refuses stamps that are not strings, and anything that is not an object of stamps', () => {
    expect(StampMap.safeParse({ name: 1762041600001 }).success).toBe(false);
    for (const value of [null, 'x', 3, ['1762041600001-0000-devicea']]) expect(StampMap.safeParse(value).success).toBe(false);
  });
});
