import type { Activity, Lead, TeamSettings } from '../schema';
import { shareFromUrgencyBands } from './bands';
import { DAY_MS } from './calendar';
import { dimensionScore, evidence, type DimensionResult } from './dimension';
import { fieldWrittenAt } from './lead-facts';
import type { ScoreEvidence } from './lead-score';
import { readTimeline, readUrgencySignals, type TimelineStatement } from './timeline';

/**
 * Urgency from the decision timeline and from urgency phrases in follow-ups. A stated time is measured from
 * now, so a deadline draws nearer as time passes; one that has passed (or a follow-up's "ASAP" that nothing
 * came of) no longer counts, and the timeline is asked again.
 */
export function scoreUrgency(lead: Lead, activities: readonly Activity[], now: number, settings: TeamSettings): DimensionResult {
  const found: ScoreEvidence[] = [];
  const shares: number[] = [];
  const days = (at: number) => Math.ceil((at - now) / DAY_MS);
  const earliestFuture = (statements: TimelineStatement[]) =>
    statements.filter((s) => s.at >= now).sort((a, b) => a.at - b.at)[0];

  const text = lead.decisionTimeline?.trim();
  if (text) {
    const reading = readTimeline(text, Math.min(fieldWrittenAt(lead, 'decisionTimeline'), now), settings.utcOffsetMinutes);
    const next = earliestFuture(reading.deadlines);
    if (next) {
      shares.push(shareFromUrgencyBands(settings.urgencyBands, days(next.at)));
      found.push(evidence('decisionTimeline', { text, days: days(next.at) }));
    } else if (reading.deadlines.length > 0) {
      found.push(evidence('timelinePassed', { text }));
    } else if (reading.notUrgent) {
      shares.push(0);
      found.push(evidence('timelineNotUrgent', { text }));
    } else {
      found.push(evidence(reading.undecided ? 'timelineUndecided' : 'timelineUnreadable', { text }));
    }
  }

  for (const activity of activities) {
    const spokenAt = Math.min(Date.parse(activity.occurredAt), now);
    const said = [activity.subject, activity.summary, activity.bant.background, activity.bant.painPoints, activity.bant.needs, activity.bant.value];
    const signal = earliestFuture(readUrgencySignals(said.filter(Boolean).join('\n'), spokenAt, settings.utcOffsetMinutes));
    if (!signal) continue;
    shares.push(shareFromUrgencyBands(settings.urgencyBands, days(signal.at)));
    found.push(evidence('followUpSignal', { phrase: signal.phrase, activityId: activity.id, occurredAt: activity.occurredAt, days: days(signal.at) }));
  }

  const unknown = shares.length === 0;
  return {
    score: dimensionScore('urgency', settings, { share: Math.max(0, ...shares), evidence: found, unknown }),
    ask: unknown ? ['decisionTimeline'] : [],
  };
}
