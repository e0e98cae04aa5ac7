import { z } from 'zod';
import { Channel } from './activity';
import { Id, Timestamp, shortText } from './common';

/** A quick follow-up record from the toolbar: which channel, a line of what happened, and the next date agreed. */
export const QuickTouch = z.object({
  leadId: Id,
  channel: Channel,
  summary: shortText.min(1, 'say in a few words what happened'),
  nextFollowUpAt: Timestamp.nullable().default(null),
});
export type QuickTouch = z.input<typeof QuickTouch>;
