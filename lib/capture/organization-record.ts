/**
 * One schema.org organization as JSON-LD or microdata declares it, normalised to plain strings. Both readers
 * turn their markup into JSON-LD-shaped records and share this normaliser, so the rest of the extractor sees
 * one shape whatever the syntax.
 */
export interface StructuredOrganization {
  source: 'json-ld' | 'microdata';
  types: string[];
  /** The property this node was nested under ("publisher"), or undefined for a top-level node. */
  via?: string;
  name?: string;
  legalName?: string;
  alternateName?: string;
  description?: string;
  url?: string;
  logo?: string;
  sameAs: string[];
  email?: string[];
  telephone?: string[];
  foundingDate?: string;
  /** As written: a number, "51-200", or a QuantitativeValue's value / minValue-maxValue. */
  numberOfEmployees?: string;
  /** A short JSON rendering of the node for evidence snippets. */
  raw: string;
  /** The node itself, for readers that need more than the fields above (people, addresses). */
  record: Readonly<Record<string, unknown>>;
}

/** A record read from structured data: own properties only, so `__proto__` keys stay inert data. */
export type StructuredRecord = Readonly<Record<string, unknown>>;

const ORGANIZATION_TYPES = new Set([
  'Organization', 'Organisation', 'Corporation', 'LocalBusiness', 'OnlineBusiness', 'OnlineStore', 'NGO', 'Airline',
  'Consortium', 'Cooperative', 'EducationalOrganization', 'CollegeOrUniversity', 'School', 'GovernmentOrganization',
  'MedicalOrganization', 'Hospital', 'Pharmacy', 'Physician', 'Dentist', 'MedicalClinic', 'DiagnosticLab',
  'NewsMediaOrganization', 'ResearchOrganization', 'SportsOrganization', 'SportsTeam', 'PerformingGroup',
  'LibrarySystem', 'WorkersUnion', 'FinancialService', 'BankOrCreditUnion', 'InsuranceAgency', 'AccountingService',
  'ProfessionalService', 'LegalService', 'Attorney', 'Notary', 'EmergencyService', 'EmploymentAgency', 'TravelAgency',
  'RealEstateAgent', 'AutomotiveBusiness', 'AutoDealer', 'AutoRepair', 'AutoRental', 'AutoBodyShop', 'AutoWash',
  'GasStation', 'MotorcycleDealer', 'MotorcycleRepair', 'FoodEstablishment', 'Restaurant', 'Bakery', 'BarOrPub',
  'Brewery', 'CafeOrCoffeeShop', 'Distillery', 'FastFoodRestaurant', 'IceCreamShop', 'Winery', 'LodgingBusiness',
  'Hotel', 'Motel', 'Resort', 'Hostel', 'BedAndBreakfast', 'Campground', 'HomeAndConstructionBusiness', 'Electrician',
  'GeneralContractor', 'HVACBusiness', 'HousePainter', 'Locksmith', 'MovingCompany', 'Plumber', 'RoofingContractor',
  'HealthAndBeautyBusiness', 'BeautySalon', 'DaySpa', 'HairSalon', 'HealthClub', 'NailSalon', 'TattooParlor',
  'ChildCare', 'DryCleaningOrLaundry', 'EntertainmentBusiness', 'InternetCafe', 'Library', 'MedicalBusiness',
  'Optician', 'RadioStation', 'TelevisionStation', 'RecyclingCenter', 'SelfStorage', 'ShoppingCenter',
  'SportsActivityLocation', 'TouristInformationCenter', 'AnimalShelter', 'ArchiveOrganization', 'GovernmentOffice',
  'Store',
]);
/** The many *Store and *Business subtypes ("ElectronicsStore", "HomeGoodsStore") without listing each. */
const ORGANIZATION_SUFFIX = /^[A-Z]\w+(Store|Business|Organization|Agency|Dealer|Contractor)$/;

/** Nesting properties under which an organization is the site's own rather than a brand, seller or author it mentions. */
const OWN_ORGANIZATION_VIA = new Set(['publisher', 'provider', 'copyrightHolder', 'mainEntity', 'about', 'sourceOrganization', 'owner', 'organization']);

export function schemaTypes(record: StructuredRecord): string[] {
  const type = own(record, '@type');
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .slice(0, 10)
    .map((t) => t.replace(/^(https?:\/\/)?(www\.)?schema\.org\/|^schema:/i, '').trim());
}

export function isOrganizationType(types: string[]): boolean {
  return types.some((type) => ORGANIZATION_TYPES.has(type) || ORGANIZATION_SUFFIX.test(type));
}

/** True when the node describes the site's own company (top level, or its publisher/provider...). */
export function isOwnOrganizationPlacement(via: string | undefined): boolean {
  return via === undefined || OWN_ORGANIZATION_VIA.has(via);
}

export function own(record: StructuredRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function text(value: unknown, max = 2000): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // A language-tagged value ({ "@value": "Acme", "@language": "en" }) or a list of them: the first.
  if (Array.isArray(value)) return text(value[0], max);
  if (value && typeof value === 'object') return text(own(value as StructuredRecord, '@value'), max);
  return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim().slice(0, max) : undefined;
}

function texts(value: unknown, max = 20): string[] {
  const list = Array.isArray(value) ? value.slice(0, max) : [value];
  return list.map((item) => text(item)).filter((v): v is string => v !== undefined);
}

/** A URL property that may be a string, an ImageObject ({ url | contentUrl }) or a list of them. */
function urlOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first && typeof first === 'object') {
    const record = first as StructuredRecord;
    return text(own(record, 'url')) ?? text(own(record, 'contentUrl')) ?? text(own(record, '@id'));
  }
  return text(first);
}

function employeesOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first && typeof first === 'object') {
    const record = first as StructuredRecord;
    const exact = text(own(record, 'value'));
    if (exact) return exact;
    const min = text(own(record, 'minValue'));
    const max = text(own(record, 'maxValue'));
    return min && max ? `${min}-${max}` : min ? `${min}+` : max;
  }
  return text(first, 100);
}

export function toStructuredOrganization(
  record: StructuredRecord,
  source: StructuredOrganization['source'],
  via: string | undefined,
): StructuredOrganization {
  const types = schemaTypes(record);
  return {
    source,
    types,
    via,
    name: text(own(record, 'name'), 300),
    legalName: text(own(record, 'legalName'), 300),
    alternateName: texts(own(record, 'alternateName'), 5)[0]?.slice(0, 300),
    description: text(own(record, 'description')),
    url: urlOf(own(record, 'url')),
    logo: urlOf(own(record, 'logo')),
    sameAs: texts(own(record, 'sameAs'), 40),
    email: texts(own(record, 'email')),
    telephone: texts(own(record, 'telephone')),
    foundingDate: text(own(record, 'foundingDate'), 40),
    numberOfEmployees: employeesOf(own(record, 'numberOfEmployees')),
    raw: safeSnippet(record),
    record,
  };
}

function safeSnippet(record: StructuredRecord): string {
  const picked: Record<string, unknown> = { '@type': own(record, '@type') };
  for (const key of ['name', 'legalName', 'url']) {
    const value = text(own(record, key), 120);
    if (value) picked[key] = value;
  }
  return JSON.stringify(picked).slice(0, 300);
}
