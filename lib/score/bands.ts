import type { ShareBands, TeamSettings } from '../schema';

/** The share earned by `value`: the first band it reaches, or 0 below them all. */
export function shareFromBands(bands: ShareBands, value: number): number {
  return bands.find((band) => value >= band.atLeast)?.share ?? 0;
}

/** The share earned by a decision expected `days` from now: the nearest band it falls in, or 0 beyond them. */
export function shareFromUrgencyBands(bands: TeamSettings['urgencyBands'], days: number): number {
  return bands.find((band) => days <= band.withinDays)?.share ?? 0;
}

/** Whole points out of the dimension's weight. */
export function pointsFor(share: number, weight: number): number {
  return Math.round((weight * share) / 100);
}
