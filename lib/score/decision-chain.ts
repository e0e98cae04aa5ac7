import type { Contact, TeamSettings } from '../schema';
import { dimensionScore, evidence, type DimensionResult } from './dimension';
import type { ScoreEvidence } from './lead-score';

type KnownRole = keyof TeamSettings['decisionRoleShares'];

/**
 * Decision-chain clarity from the people known and their part in the decision (shared/domain.md §8 stakeholder
 * map). Each role counts once: a second influencer does not make the chain clearer. A missing decision maker
 * is always worth asking about, however many others are known.
 */
export function scoreDecisionChain(contacts: readonly Contact[], settings: TeamSettings): DimensionResult {
  const roles = new Set<KnownRole>();
  const found: ScoreEvidence[] = [];
  for (const contact of contacts) {
    if (contact.decisionRole === 'unknown') {
      found.push(evidence('contactWithoutRole', { name: contact.name }));
    } else {
      roles.add(contact.decisionRole);
      found.push(evidence('contactRole', { name: contact.name, role: contact.decisionRole }));
    }
  }
  const sum = [...roles].reduce((total, role) => total + settings.decisionRoleShares[role], 0);
  const share = Math.min(100, sum);
  const unknown = roles.size === 0;
  return {
    score: dimensionScore('decisionChain', settings, { share, evidence: found, unknown }),
    ask: roles.has('decision_maker') ? [] : ['decisionMaker'],
  };
}
