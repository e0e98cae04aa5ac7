import { extractCompany } from '@/lib/capture';
import { readJsonLd as readBlocks } from '@/lib/capture/json-ld';
import { parseJsonLdBlocks } from '@/lib/capture/json-ld-blocks';

const readJsonLd = (doc: Document) => readBlocks(parseJsonLdBlocks(doc));
import { readMicrodata } from '@/lib/capture/microdata';
import { PageCapture } from '@/lib/schema';
import { parsePage } from '../../helpers/corpus';

const page = (head: string, body = '') => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('company identity from JSON-LD', () => {
  it('reads the organization inside @graph, with its legal name, logo, sameAs, founding date and headcount', () => {
    const doc = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': 'https://acme.io/#site', name: 'Acme Docs', publisher: { '@id': 'https://acme.io/#org' } },
          {
            '@type': 'Corporation',
            '@id': 'https://acme.io/#org',
            name: 'Acme',
            legalName: 'Acme Robotics Inc.',
            url: 'https://www.acme.io/',
            logo: { '@type': 'ImageObject', url: '/img/acme.svg' },
            sameAs: ['https://www.linkedin.com/company/acme-robotics/', 'https://twitter.com/acmerobots'],
            foundingDate: '2009-04-01',
            numberOfEmployees: { '@type': 'QuantitativeValue', minValue: 51, maxValue: 200 },
            description: 'Robots for small factories.',
          },
        ],
      }),
    );
    const { fields } = extractCompany(doc, 'https://www.acme.io/about');
    expect(fields.name).toMatchObject({ value: 'Acme', source: 'json-ld' });
    expect(fields.legalName).toMatchObject({ value: 'Acme Robotics Inc.', source: 'json-ld' });
    expect(fields.logo?.value).toBe('https://www.acme.io/img/acme.svg');
    expect(fields.description).toMatchObject({ value: 'Robots for small factories.', source: 'json-ld' });
    expect(fields.foundingYear).toMatchObject({ value: 2009, source: 'json-ld' });
    expect(fields.employees?.value).toMatchObject({ min: 51, max: 200 });
    expect(fields.social.map((s) => [s.value.network, s.value.url, s.source])).toEqual([
      ['linkedin', 'https://www.linkedin.com/company/acme-robotics', 'json-ld'],
      ['x', 'https://x.com/acmerobots', 'json-ld'],
    ]);
  });

  it('recognises LocalBusiness subtypes and arrays of blocks, and prefers the organization on this site', () => {
    const doc = page(
      jsonLd([
        { '@type': 'Organization', name: 'Yelp', url: 'https://www.yelp.com/' },
        { '@type': ['Dentist', 'MedicalBusiness'], name: 'Bright Smile Dental', url: 'https://brightsmile.co.uk/' },
      ]),
    );
    expect(extractCompany(doc, 'https://www.brightsmile.co.uk/').fields.name?.value).toBe('Bright Smile Dental');
    expect(readJsonLd(page(jsonLd({ '@type': 'ElectronicsStore', name: 'Volt' }))).organizations[0]?.name).toBe('Volt');
    expect(readJsonLd(page(jsonLd({ '@type': 'http://schema.org/Organization', name: 'Full IRI' }))).organizations[0]?.name).toBe('Full IRI');
  });

  it('takes a publisher nested in a WebPage, but not the brand or seller a product mentions', () => {
    const doc = page(
      jsonLd({
        '@type': 'Product',
        name: 'Widget',
        brand: { '@type': 'Organization', name: 'OtherBrand' },
        offers: { '@type': 'Offer', seller: { '@type': 'Organization', name: 'Reseller Ltd' } },
      }) + jsonLd({ '@type': 'WebPage', publisher: { '@type': 'Organization', name: 'Widgetco' } }),
    );
    expect(readJsonLd(doc).organizations.map((org) => org.name)).toEqual(['Widgetco']);
  });

  it('returns the Person and PostalAddress nodes it meets, for the contacts reader', () => {
    const doc = page(
      jsonLd({
        '@type': 'Organization',
        name: 'Acme',
        founder: { '@type': 'Person', name: 'Ada Lovelace', jobTitle: 'CEO' },
        address: { '@type': 'PostalAddress', streetAddress: '1 Main St', addressLocality: 'Springfield' },
      }),
    );
    const { people, addresses } = readJsonLd(doc);
    expect(people).toEqual([{ '@type': 'Person', name: 'Ada Lovelace', jobTitle: 'CEO' }]);
    expect(addresses[0]).toMatchObject({ streetAddress: '1 Main St', addressLocality: 'Springfield' });
  });

  it('keeps a partial capture with warnings when JSON-LD is broken, hostile or huge', () => {
    const invalid = '<script type="application/ld+json">{"@type": "Organization", name: oops}</script>';
    const proto = '<script type="application/ld+json">{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "@type": "Organization", "name": "Proto Co"}</script>';
    const huge = jsonLd(Array.from({ length: 10_000 }, (_, i) => ({ '@type': 'Thing', name: `n${i}` })));
    const capture = extractCompany(page(invalid + proto + huge, '<footer>© 2024 Proto Co</footer>'), 'https://proto.co/');
    expect(PageCapture.safeParse(capture).success).toBe(true);
    expect(capture.warnings.join(' ')).toMatch(/not valid JSON/);
    expect(capture.warnings.join(' ')).toMatch(/too many entries/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(capture.fields.name?.value).toBe('Proto Co');
  });

  it('reads a block wrapped in an HTML comment, as some CMSs write it', () => {
    const doc = page('<script type="application/ld+json"><!-- {"@type": "Organization", "name": "Commented"} --></script>');
    expect(readJsonLd(doc).organizations[0]?.name).toBe('Commented');
  });
});

describe('company identity from microdata', () => {
  it('reads an itemscope Organization with its name, logo, sameAs and founding date, ignoring nested items', () => {
    const doc = page(
      '',
      `<div itemscope itemtype="https://schema.org/Organization">
         <span itemprop="name">Microdata Mfg</span>
         <img itemprop="logo" src="/logo.png" alt="Microdata Mfg">
         <a itemprop="sameAs" href="https://www.facebook.com/microdatamfg">Facebook</a>
         <meta itemprop="foundingDate" content="1987">
         <div itemprop="founder" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Roe</span></div>
         <div itemprop="__proto__">x</div>
       </div>
       <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Gizmo</span>
         <div itemprop="manufacturer" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Other Maker</span></div></div>`,
    );
    expect(readMicrodata(doc).organizations.map((org) => org.name)).toEqual(['Microdata Mfg']);
    const { fields } = extractCompany(doc, 'https://microdatamfg.com/');
    expect(fields.name).toMatchObject({ value: 'Microdata Mfg', source: 'microdata' });
    expect(fields.logo?.value).toBe('https://microdatamfg.com/logo.png');
    expect(fields.foundingYear).toMatchObject({ value: 1987, source: 'microdata' });
    expect(fields.social.map((s) => s.value.url)).toEqual(['https://www.facebook.com/microdatamfg']);
    expect(Object.prototype).not.toHaveProperty('x');
  });
});

describe('company identity from OpenGraph and meta tags', () => {
  it('uses og:site_name, og:description, og:url and a logo-named share image', () => {
    const doc = page(
      `<title>Pricing plans for teams</title>
       <meta property="og:site_name" content="Trellis">
       <meta property="og:description" content="Project boards for agencies.">
       <meta property="og:url" content="https://trellis.app/pricing">
       <meta property="og:image" content="/static/trellis-logo.png">`,
    );
    const { fields } = extractCompany(doc, 'https://www.trellis.app/pricing?ref=ad');
    expect(fields.name).toMatchObject({ value: 'Trellis', source: 'opengraph' });
    expect(fields.description).toMatchObject({ value: 'Project boards for agencies.', source: 'opengraph' });
    expect(fields.canonicalUrl).toMatchObject({ value: 'https://trellis.app/pricing', source: 'opengraph' });
    expect(fields.logo?.value).toBe('https://www.trellis.app/static/trellis-logo.png');
  });

  it('prefers <link rel=canonical> and resolves it against <base href>', () => {
    const doc = page('<base href="https://cdn.example-shop.de/de/"><link rel="canonical" href="produkte">');
    expect(extractCompany(doc, 'https://www.example-shop.de/x').fields.canonicalUrl?.value).toBe('https://cdn.example-shop.de/de/produkte');
  });

  it('reads application-name and the copyright meta tag as names', () => {
    const doc = page('<title>Dashboard</title><meta name="application-name" content="Ledgerly"><meta name="copyright" content="© 2023 Ledgerly Ltd.">');
    const { fields } = extractCompany(doc, 'https://ledgerly.com/app');
    expect(fields.name?.value).toBe('Ledgerly');
    expect(fields.legalName?.value).toBe('Ledgerly Ltd');
  });
});
