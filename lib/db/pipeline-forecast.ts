import { forecastAccumulator, type Forecast } from '../playbook';
import type { TeamSettings } from '../schema';
import type { SidecarDatabase } from './database';

/**
 * The team's weighted forecast (shared/domain.md §8) over every stored lead, read with a cursor so that a
 * pipeline of 100,000 leads is never held in memory at once.
 */
export async function forecastPipeline(db: SidecarDatabase, settings: TeamSettings): Promise<Forecast> {
  const forecast = forecastAccumulator(settings);
  await db.leads.each((row) => forecast.add(row));
  return forecast.result();
}
