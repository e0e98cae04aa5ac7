import { industryProvider } from './industry';
import type { EnrichmentProvider } from './provider';
import { regionProvider } from './region';
import { sizeBandProvider } from './size-band';

export { CN_PLACE_NAMES, placeOfNationalNumber } from './cn-divisions';
export { assessCompleteness } from './completeness';
export { INDUSTRY_IDS, isIndustryId, type IndustryId } from './industries';
export { classifyIndustry } from './industry';
export { enrichCapture, type Enrichment, type EnrichmentInput, type EnrichmentProvider } from './provider';
export { suggestRegion, suggestRegisteredLocation } from './region';
export { screenLead, type ScreeningRules } from './screening';
export { employeeRangeOfBand, sizeBandOfEmployees, sizeBandOfRevenue, suggestSizeBand } from './size-band';

/** The providers that ship with Sidecar: they read the capture only and need no network. */
export const BUILTIN_PROVIDERS: readonly EnrichmentProvider[] = [industryProvider, sizeBandProvider, regionProvider];
