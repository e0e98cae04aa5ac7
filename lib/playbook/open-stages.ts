import type { Stage } from '../schema';

/**
 * The stages in which a lead still asks for its owner's time (shared/domain.md §4): it is followed up, proposes
 * tasks and counts towards an assignee's load. Won, lost and after-sales care are past the sale.
 */
export const OPEN_STAGES: readonly Stage[] = ['not_contacted', 'initial_contact', 'needs_confirmed', 'proposal_submitted', 'negotiation'];
