/** Schema.org types that describe the company itself (Organization and the subtypes that sites use). */
const ORGANIZATION_TYPES = /^(Organization|Corporation|LocalBusiness|OnlineBusiness|OnlineStore|Store|ProfessionalService|NGO|EducationalOrganization|GovernmentOrganization|MedicalOrganization|SportsOrganization|NewsMediaOrganization|Airline|Consortium|FinancialService|BankOrCreditUnion|InsuranceAgency|AutoDealer|AutomotiveBusiness|Restaurant|Hotel|LegalService|RealEstateAgent|TravelAgency|HomeAndConstructionBusiness|EmploymentAgency|Dentist|Physician)$/;
const MAX_SCRIPTS = 50;
const MAX_SCRIPT_LENGTH = 1_000_000;
const MAX_NODES = 5_000;

export interface JsonLdOrganization {
  name?: string;
  legalName?: string;
  description?: string;
  logo?: string;
  email?: string[];
  telephone?: string[];
  raw: string;
}

export interface JsonLdResult {
  organizations: JsonLdOrganization[];
  warnings: string[];
}

/**
 * Organizations declared in the page's JSON-LD, including inside @graph and arrays. Broken or hostile
 * blocks (invalid JSON, huge, thousands of nodes) are skipped with a warning instead of failing the capture.
 */
export function readJsonLd(doc: Document): JsonLdResult {
  const warnings: string[] = [];
  const organizations: JsonLdOrganization[] = [];
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json" i]')].slice(0, MAX_SCRIPTS);
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_LENGTH) {
      warnings.push('Skipped a structured-data block larger than 1 MB.');
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      warnings.push('Skipped a structured-data (JSON-LD) block that is not valid JSON.');
      continue;
    }
    let visited = 0;
    const stack: unknown[] = [parsed];
    while (stack.length > 0) {
      if (++visited > MAX_NODES) {
        warnings.push('Stopped reading a structured-data block with too many entries.');
        break;
      }
      const node = stack.pop();
      if (Array.isArray(node)) {
        stack.push(...node);
      } else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (Array.isArray(record['@graph'])) stack.push(...record['@graph']);
        if (typesOf(record).some((type) => ORGANIZATION_TYPES.test(type))) organizations.push(toOrganization(record));
      }
    }
  }
  return { organizations, warnings };
}

function typesOf(record: Record<string, unknown>): string[] {
  const type = record['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(https?:\/\/)?schema\.org\//, ''));
}

function toOrganization(record: Record<string, unknown>): JsonLdOrganization {
  const logo = record.logo;
  return {
    name: text(record.name),
    legalName: text(record.legalName),
    description: text(record.description),
    logo: text(logo) ?? (logo && typeof logo === 'object' ? text((logo as Record<string, unknown>).url) : undefined),
    email: texts(record.email),
    telephone: texts(record.telephone),
    raw: JSON.stringify({ '@type': record['@type'], name: record.name }).slice(0, 300),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 2000) : undefined;
}

function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((v): v is string => v !== undefined).slice(0, 20);
}
