import { Money, type Lead } from '../schema';
import type { MoneyValue } from './money';

const field = (lead: Lead, name: string): unknown => (lead as unknown as Record<string, unknown>)[name];

/**
 * Money facts read by name, so that scoring keeps working while Lead grows: registered capital (注册资本) and a
 * year's purchases for the value level. A missing or differently shaped field is simply unknown. Accepts a Money
 * or captured evidence around one ({ value: Money }).
 */
export function optionalMoneyFact(lead: Lead, name: 'registeredCapital' | 'annualPurchases'): MoneyValue | null {
  const raw = field(lead, name);
  // Most leads have neither; a refused parse builds an error, which re-scoring 100,000 leads would pay twice each.
  if (raw === null || raw === undefined) return null;
  const direct = Money.safeParse(raw);
  if (direct.success) return direct.data;
  const wrapped = Money.safeParse(raw !== null && typeof raw === 'object' ? (raw as { value?: unknown }).value : undefined);
  return wrapped.success ? wrapped.data : null;
}

/** The fewest employees each size band allows (lib/schema/lead.ts: micro < 10, small < 50, medium < 250, large < 1000). */
const SIZE_BAND_FLOOR: Record<string, number> = { micro: 1, small: 10, medium: 50, large: 250, enterprise: 1000 };

/** The size band and the headcount it guarantees, when the lead has one. */
export function optionalSizeBand(lead: Lead): { band: string; floor: number } | null {
  const band = field(lead, 'sizeBand');
  const floor = typeof band === 'string' ? SIZE_BAND_FLOOR[band] : undefined;
  return typeof band === 'string' && floor !== undefined ? { band, floor } : null;
}

/** "rep" when the rep typed the value, "capture" when it was read from a page; undefined when not recorded. */
export function originOf(lead: Lead, name: string): string | undefined {
  const origins = field(lead, 'origins');
  const origin = origins !== null && typeof origins === 'object' ? (origins as Record<string, unknown>)[name] : undefined;
  const by = origin !== null && typeof origin === 'object' ? (origin as { by?: unknown }).by : undefined;
  return typeof by === 'string' ? by : undefined;
}

/** The live records of this lead: a deleted or misfiled contact or activity says nothing about it. */
export function ofLead<T extends { leadId: string; deletedAt: string | null }>(lead: Lead, records: readonly T[]): T[] {
  return records.filter((record) => record.leadId === lead.id && record.deletedAt === null);
}

/**
 * When a field was last written, from its clock stamp ("<ms>-<counter>-<node>"), else the lead's last update:
 * "本月" in a decision timeline means the month in which the rep wrote it down.
 */
export function fieldWrittenAt(lead: Lead, name: string): number {
  const stamp = /^(\d{13})-/.exec(lead.versions[name] ?? '');
  return stamp ? Number(stamp[1]) : Date.parse(lead.updatedAt);
}
