import { randomBytes } from 'node:crypto';
import { formatHlc, receiveHlc, tickHlc, type HlcState } from '../../lib/clock';
import type { Hlc } from '../../lib/schema';

/** A stamp this far ahead of the server's clock comes from a device whose clock is wrong. */
export const MAX_CLOCK_AHEAD_MS = 60_000;

/**
 * The server's own hybrid logical clock, for the writes it makes itself (merging duplicate leads, claims) and
 * for re-stamping edits from a device whose clock runs ahead: otherwise that rep would win every conflict
 * for as long as the clock is wrong. Each server process has its own node id.
 */
export class ServerClock {
  private state: HlcState;

  constructor(private readonly now: () => number, node = `srv${randomBytes(4).toString('hex')}`) {
    this.state = { millis: 0, counter: 0, node };
  }

  /** A fresh stamp above every stamp given. */
  stampAfter(stamps: Iterable<Hlc> = []): Hlc {
    const wall = this.now();
    for (const stamp of stamps) this.state = receiveHlc(this.state, stamp, wall);
    this.state = tickHlc(this.state, wall);
    return formatHlc(this.state);
  }

  current(): Hlc {
    return this.stampAfter();
  }

  /** Versions with stamps from the future replaced by server stamps taken now (the edit is kept, ordered by arrival). */
  clampVersions(versions: Record<string, Hlc>): Record<string, Hlc> {
    // A stamp starts with its time as 13 digits, so comparing that prefix as text compares the times, without
    // parsing the forty-odd stamps of every pushed lead.
    const limit = String(this.now() + MAX_CLOCK_AHEAD_MS).padStart(13, '0');
    let clamped: Record<string, Hlc> | null = null;
    // Most fields of a record share its stamp: one equal to the last one found in time is not looked at again.
    let inTime: Hlc | undefined;
    for (const field of Object.keys(versions)) {
      const stamp = versions[field]!;
      if (stamp === inTime) continue;
      if (stamp.slice(0, 13) <= limit) {
        inTime = stamp;
        continue;
      }
      clamped ??= { ...versions };
      clamped[field] = this.stampAfter();
    }
    return clamped ?? versions;
  }
}
