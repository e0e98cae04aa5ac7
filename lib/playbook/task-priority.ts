import { z } from 'zod';
import type { Priority, Tier } from '../schema';

type PriorityValue = z.infer<typeof Priority>;

/** What the playbook proposes to do next; the UI's title for each is the i18n key `task_<kind>`. */
export const TaskKind = z.enum([
  'first_response',
  'follow_up',
  'share_news',
  'weekly_meeting',
  'prepare_proposal',
  'send_material',
  'next_step',
  'phase_review',
]);
export type TaskKind = z.infer<typeof TaskKind>;

const highTier = (tier: Tier) => tier === 'S' || tier === 'A';

/**
 * shared/domain.md §4 Eisenhower grid: S-lead follow-ups are urgent and important, preparing a proposal important,
 * sending material urgent, sharing news neither. A first response and a stalled phase are urgent by their deadline
 * (and important for S and A); anything overdue becomes urgent.
 */
export function taskPriority(kind: TaskKind, tier: Tier, overdue: boolean): PriorityValue {
  const base = ((): PriorityValue => {
    switch (kind) {
      case 'first_response':
      case 'phase_review':
        return highTier(tier) ? 'urgent_important' : 'urgent';
      case 'follow_up':
      case 'next_step':
        return tier === 'S' ? 'urgent_important' : tier === 'A' ? 'important' : 'neither';
      case 'weekly_meeting':
      case 'prepare_proposal':
        return 'important';
      case 'send_material':
        return 'urgent';
      case 'share_news':
        return 'neither';
    }
  })();
  if (!overdue) return base;
  return base === 'important' || base === 'urgent_important' ? 'urgent_important' : 'urgent';
}
