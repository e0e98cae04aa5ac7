import { loadTeamSettings } from './team-settings-store';

/**
 * Whether contacts' phone numbers are masked when saved: the team's rule when it has one (shared/domain.md §7,
 * synced from the team server), else the rep's own choice.
 */
export async function masksContactPhones(rep: { maskContactPhones: boolean }): Promise<boolean> {
  return rep.maskContactPhones || (await loadTeamSettings()).maskContactPhones;
}
