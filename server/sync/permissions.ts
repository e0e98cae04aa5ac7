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
