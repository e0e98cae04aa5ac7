import { industryProvider } from './industry';
import type { EnrichmentProvider } from './provider';
import { regionProvider } from './region';
import { sizeBandProvider } from './size-band';

export { CN_PLACE_NAMES, formatCnPlace, placeInText, placeOfDivision, placeOfNationalNumber, type CnPlace } from './cn-divisions';
export { assessCompleteness } from './completeness';
export { INDUSTRIES, INDUSTRY_IDS, isIndustryId, type IndustryId } from './industries';
export { classifyIndustry, industryProvider } from './industry';
export { enrichCapture, type Enrichment, type EnrichmentInput, type EnrichmentProvider } from './provider';
export { regionProvider, suggestRegion, suggestRegisteredLocation } from './region';
export { screenLead, type ScreeningRules } from './screening';
export { employeeRangeOfBand, sizeBandOfEmployees, sizeBandOfRevenue, sizeBandProvider, suggestSizeBand } from './size-band';

/** The providers that ship with Sidecar: they read the capture only and need no network. */
export const BUILTIN_PROVIDERS: readonly EnrichmentProvider[] = [industryProvider, sizeBandProvider, regionProvider];
