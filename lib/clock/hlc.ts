import type { Hlc } from '../schema';

/**
 * Hybrid logical clock (Kulkarni et al., 2014): stamps that follow the wall clock when it moves forward and
 * a counter when it stalls or jumps back, so a device never issues a stamp lower than one it issued before.
 * Stamps compare as plain strings; the node id breaks ties deterministically.
 */
export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

const COUNTER_BASE = 36;
const COUNTER_WIDTH = 4;
const MAX_COUNTER = COUNTER_BASE ** COUNTER_WIDTH - 1;

export function formatHlc({ millis, counter, node }: HlcState): Hlc {
  return `${String(millis).padStart(13, '0')}-${counter.toString(COUNTER_BASE).padStart(COUNTER_WIDTH, '0')}-${node}`;
}

export function parseHlc(stamp: Hlc): HlcState {
  const [millis, counter, ...node] = stamp.split('-');
  return { millis: Number(millis), counter: parseInt(counter ?? '0', COUNTER_BASE), node: node.join('-') };
}

/** The next local stamp after `last`, given the wall clock `now`. */
export function tickHlc(last: HlcState, now: number): HlcState {
  if (now > last.millis) return { millis: now, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { millis: last.millis + 1, counter: 0, node: last.node };
  return { millis: last.millis, counter: last.counter + 1, node: last.node };
}

/** Advance the local clock past a stamp received from elsewhere (another device or the server). */
export function receiveHlc(local: HlcState, remote: Hlc, now: number): HlcState {
  const seen = parseHlc(remote);
  const millis = Math.max(local.millis, seen.millis, now);
  let counter = 0;
  if (millis === local.millis && millis === seen.millis) counter = Math.max(local.counter, seen.counter) + 1;
  else if (millis === local.millis) counter = local.counter + 1;
  else if (millis === seen.millis) counter = seen.counter + 1;
  return counter > MAX_COUNTER ? { millis: millis + 1, counter: 0, node: local.node } : { millis, counter, node: local.node };
}

export const compareHlc = (a: Hlc, b: Hlc): number => (a < b ? -1 : a > b ? 1 : 0);
