import type { Caller } from '../accounts/accounts';

/**
 * Reps work their own leads and the unowned ones in the shared pool; managers and admins work all of the
 * team's leads. Nobody touches another team's (callers only ever load their own team's records).
 */
export function canEditLeadOwnedBy(caller: Caller, ownerId: string | null): boolean {
  return caller.role !== 'rep' || ownerId === null || ownerId === caller.id;
}

/** A rep may keep a lead, put it back in the pool, or take an unowned one; only managers hand leads to others. */
export function canSetOwner(caller: Caller, ownerId: string | null): boolean {
  return caller.role !== 'rep' || ownerId === null || ownerId === caller.id;
}

export const isManager = (caller: Caller): boolean => caller.role === 'admin' || caller.role === 'manager';

/**
 * Lead fields that only managers and admins change: the tier override (shared/domain.md §2). A rep's device
 * shows the override and never offers it; a rep's write that would change it is refused as a whole.
 */
export const MANAGER_ONLY_LEAD_FIELDS: ReadonlySet<string> = new Set(['tierOverride']);

/**
 * Why a lead write that changes `changed` (the fields the merge took: mergeWrite's `taken`) is refused for
 * `caller`, or null when it may go ahead. The push refuses it with code "forbidden" and this message, and
 * acknowledges it like any other refusal, so the rep's device undoes the change and is not wedged.
 */
export function managerOnlyLeadFieldRefusal(caller: Caller, changed: readonly string[]): string | null {
  if (isManager(caller)) return null;
  return changed.some((field) => MANAGER_ONLY_LEAD_FIELDS.has(field))
    ? "only a manager or admin can set or lift a lead's tier override: ask your manager to change the tier"
    : null;
}

/**
 * A rep's new lead as the team stores it: without a value in a manager-only field (an override the rep made
 * while working alone, before joining the team). Refusing the whole record would make the rep's device undo
 * the lead itself; the field alone is dropped, and the device takes the team's copy at its next pull.
 */
export function withoutManagerOnlyFields<T extends { versions: Record<string, string> }>(caller: Caller, record: T): T {
  if (isManager(caller)) return record;
  const values = record as Record<string, unknown>;
  for (const field of MANAGER_ONLY_LEAD_FIELDS) {
    if (!(field in values) && !(field in record.versions)) continue;
    delete values[field];
    delete record.versions[field];
  }
  return record;
}
