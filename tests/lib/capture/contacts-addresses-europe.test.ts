import { extractCompany } from '@/lib/capture';
import { readEuropeanAddresses, readStreet } from '@/lib/capture/european-address';
import { parsePage } from '../../helpers/corpus';

const page = (body: string, lang = '') => parsePage(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head></head><body>${body}</body></html>`);
const addressesOn = (body: string, url: string, lang?: string) => extractCompany(page(body, lang), url).fields.addresses;
const parts = (body: string, url: string, lang?: string) =>
  addressesOn(body, url, lang).map(({ value: { street, city, region, postalCode, country } }) => ({ street, city, region, postalCode, country }));

describe('reading continental European addresses (postal code before the city)', () => {
  it('reads a German imprint written over lines, with the country on its own line', () => {
    const found = addressesOn('<h2>Impressum</h2><p>Muster Maschinenbau GmbH<br>Musterstraße 12<br>80331 München<br>Deutschland</p><p>Geschäftsführer: Dr. Markus Weber</p>', 'https://www.muster-maschinen.com/impressum');
    expect(found.map((a) => a.value)).toEqual([
      { street: 'Musterstraße 12', city: 'München', region: undefined, postalCode: '80331', country: 'DE', full: 'Musterstraße 12, 80331 München, Deutschland' },
    ]);
    expect(found[0]).toMatchObject({ source: 'text', confidence: 0.8 });
    expect(found[0]!.snippet).toBe('Musterstraße 12 80331 München');
  });

  it('reads Dutch, French, Italian and Spanish addresses on one line, each in its country', () => {
    expect(parts('<p>Bezoek ons: Keizersgracht 123, 1015 CJ Amsterdam</p>', 'https://www.grachtdesign.com/contact')).toEqual([
      { street: 'Keizersgracht 123', city: 'Amsterdam', region: undefined, postalCode: '1015 CJ', country: 'NL' },
    ]);
    expect(parts('<p>Atelier Lumière SARL — 12 rue de la Paix, 75002 Paris</p>', 'https://www.atelier-lumiere.com/')).toEqual([
      { street: '12 rue de la Paix', city: 'Paris', region: undefined, postalCode: '75002', country: 'FR' },
    ]);
    expect(parts('<p>Sede legale: Via Roma 1, 00184 Roma (RM)</p>', 'https://www.ferrari-arredi.com/')).toEqual([
      { street: 'Via Roma 1', city: 'Roma', region: 'RM', postalCode: '00184', country: 'IT' },
    ]);
    expect(parts('<p>Oficinas: Calle Mayor, 5, 3º B, 28013 Madrid</p>', 'https://www.hispatec.com/')).toEqual([
      { street: 'Calle Mayor, 5, 3º B', city: 'Madrid', region: undefined, postalCode: '28013', country: 'ES' },
    ]);
  });

  it('reads Portuguese, Polish, Danish and Belgian codes by their shape or prefix, and keeps the written country in the full address', () => {
    expect(parts('<p>Rua Augusta 100, 1100-053 Lisboa</p>', 'https://www.exemplo.com/')[0]).toMatchObject({ street: 'Rua Augusta 100', city: 'Lisboa', postalCode: '1100-053', country: 'PT' });
    expect(parts('<p>ul. Marszałkowska 10, 00-590 Warszawa</p>', 'https://www.przyklad.com/')[0]).toMatchObject({ street: 'ul. Marszałkowska 10', city: 'Warszawa', postalCode: '00-590', country: 'PL' });
    expect(parts('<p>Vesterbrogade 12, 1620 København V</p>', 'https://www.eksempel.com/')[0]).toMatchObject({ city: 'København V', postalCode: '1620', country: 'DK' });
    const belgian = addressesOn('<p>Avenue Louise 54, B-1050 Bruxelles, Belgique</p>', 'https://www.exemple.com/')[0]!.value;
    expect(belgian).toMatchObject({ street: 'Avenue Louise 54', city: 'Bruxelles', postalCode: '1050', country: 'BE' });
    expect(belgian.full).toBe('Avenue Louise 54, B-1050 Bruxelles, Belgique');
  });

  it('reads a Spanish street written "C/", a floor, and a Catalan avenue', () => {
    expect(parts('<p>Hispatec Soluciones S.L.</p><p>C/ de Alcalá, 45, 2º izq.</p><p>28014 Madrid, España</p><p>Delegación: Avinguda Diagonal 640, 08017 Barcelona</p>', 'https://www.hispatec.com/contacto')).toEqual([
      { street: 'C/ de Alcalá, 45, 2º izq.', city: 'Madrid', region: undefined, postalCode: '28014', country: 'ES' },
      { street: 'Avinguda Diagonal 640', city: 'Barcelona', region: undefined, postalCode: '08017', country: 'ES' },
    ]);
  });

  it('reads multi-word cities, a country prefix, a bullet-separated footer line and a Cedex', () => {
    expect(parts('<footer>Rhein Logistik AG · Hanauer Landstraße 291 · 60314 Frankfurt am Main · Tel. +49 69 1234567</footer>', 'https://www.rhein-logistik.com/')).toEqual([
      { street: 'Hanauer Landstraße 291', city: 'Frankfurt am Main', region: undefined, postalCode: '60314', country: 'DE' },
    ]);
    expect(addressesOn('<footer>Rhein Logistik AG · Hanauer Landstraße 291 · 60314 Frankfurt am Main</footer>', 'https://www.rhein-logistik.com/')[0]!.source).toBe('footer');
    expect(parts('<p>Bahnhofstrasse 10, CH-8001 Zürich</p>', 'https://www.alpen-consult.com/')[0]).toMatchObject({ city: 'Zürich', postalCode: '8001', country: 'CH' });
    expect(parts('<p>Unter den Linden 77<br>D-10117 Berlin</p>', 'https://www.example-gmbh.com/')[0]).toMatchObject({ street: 'Unter den Linden 77', city: 'Berlin', country: 'DE' });
    expect(parts('<p>8 avenue de l\'Opéra, 75001 Paris Cedex 01</p>', 'https://www.opera-conseil.com/')[0]).toMatchObject({ street: '8 avenue de l\'Opéra', city: 'Paris', country: 'FR' });
  });

  it('lets a German address on a .com page tell the country of its national phone numbers', () => {
    const capture = extractCompany(page('<p>Muster Maschinen GmbH · Musterstraße 12 · 80331 München</p><p>Telefon: 089 1234567 · Fax: 089 1234568</p>'), 'https://www.muster-maschinen.com/kontakt');
    expect(capture.fields.phones.map((p) => [p.value, p.kind])).toEqual([
      ['+49 89 1234567', 'phone'],
      ['+49 89 1234568', 'fax'],
    ]);
  });

  it('tells a four-digit code\'s country from the page when the address does not (Vienna on .at, Zürich on .ch)', () => {
    expect(parts('<p>Stephansplatz 1, 1010 Wien</p>', 'https://www.donau-software.at/')[0]).toMatchObject({ city: 'Wien', postalCode: '1010', country: 'AT' });
    expect(parts('<p>Seefeldstrasse 5, 8008 Zürich</p>', 'https://www.see-treuhand.ch/')[0]).toMatchObject({ city: 'Zürich', country: 'CH' });
    expect(parts('<p>Rue de la Loi 16, 1000 Bruxelles</p>', 'https://www.euro-affairs.com/', 'fr-BE')[0]).toMatchObject({ street: 'Rue de la Loi 16', city: 'Bruxelles', country: 'BE' });
    // Nothing tells Austria from Switzerland here: the country stays unknown rather than guessed.
    expect(parts('<p>Stephansplatz 1, 1010 Wien</p>', 'https://www.donau-software.com/')[0]).toMatchObject({ city: 'Wien', country: undefined });
  });

  it('reads an address after an address label or inside an <address> element without a street it knows', () => {
    expect(parts('<p>Sitz der Gesellschaft: 80331 München</p>', 'https://www.muster.de/')).toEqual([]);
    expect(parts('<p>Firmensitz: 80331 München</p>', 'https://www.muster.de/')).toEqual([
      { street: undefined, city: 'München', region: undefined, postalCode: '80331', country: 'DE' },
    ]);
    expect(addressesOn('<p>Firmensitz: 80331 München</p>', 'https://www.muster.de/')[0]!.confidence).toBe(0.6);
    expect(parts('<address>Dam 1<br>1012 JS Amsterdam</address>', 'https://www.dam-advies.nl/')).toEqual([
      { street: 'Dam 1', city: 'Amsterdam', region: undefined, postalCode: '1012 JS', country: 'NL' },
    ]);
  });

  it('leaves out years, versions, counts and phone numbers that look like a postal code and a city', () => {
    const traps = [
      '<p>Release notes: Version 12, 2024 Release brings faster sync.</p>',
      '<p>Über 10000 Kunden vertrauen uns. Seit 1998 Marktführer.</p>',
      '<p>Tel. 089 12345 München Zentrale</p>',
      '<p>Telefon: 030 1234, 10115 Berlin</p>',
      '<p>© 2024 Muster GmbH</p>',
      '<p>Öffnungszeiten: 0900 Uhr bis 1800 Uhr</p>',
      '<p>Im Jahr 2019 Berlin besucht und 2020 Paris.</p>',
      '<p>Wir sind in der Musterstraße 12 zu finden, seit 2005 Hamburg und Bremen.</p>',
    ];
    for (const trap of traps) expect(parts(trap, 'https://www.muster.de/'), trap).toEqual([]);
  });

  it('does not read an American house number and street as a code and a city, even in an <address>', () => {
    const found = parts('<address>Corporate Headquarters<br>1435 North McDowell Blvd. Suite 300<br>Petaluma CA 94954</address>', 'http://www.firstcal.net/');
    expect(found).toEqual([{ street: '1435 North McDowell Blvd. Suite 300', city: 'Petaluma', region: 'CA', postalCode: '94954', country: 'US' }]);
  });

  it('skips a web agency\'s address in its credit line', () => {
    expect(parts('<p>Webdesign by Pixelwerk · Hafenstraße 3 · 20459 Hamburg</p>', 'https://www.muster.de/')).toEqual([]);
    expect(parts('<p>Webdesign: Pixelwerk Agentur, Hafenstraße 3, 20459 Hamburg</p>', 'https://www.muster.de/')).toEqual([]);
  });

  it('marks as the footer\'s only an address written in the footer, not one the footer repeats in part', () => {
    const found = addressesOn('<main><p>Königsberger Str. 5-7<br>83313 Siegsdorf</p></main><footer>© 2024 Brückner · Königsberger Str. 5-7 · 83313 Siegsdorf</footer>', 'https://www.brueckner.com/impressum');
    expect(found.map((a) => [a.value.street, a.source])).toEqual([['Königsberger Str. 5-7', 'text']]);
  });

  it('tells streets from other "word number" text', () => {
    expect(readStreet('Musterstraße 12', false)?.countries).toEqual(['DE', 'AT', 'CH', 'LU']);
    expect(readStreet('Keizersgracht 123-A', false)?.countries).toEqual(['NL', 'BE']);
    expect(readStreet('12, avenue des Champs-Élysées', false)?.countries).toContain('FR');
    expect(readStreet('Viale Monza, 12', false)?.countries).toContain('IT');
    expect(readStreet('Postfach 10 20 30', false)).toBeDefined();
    expect(readStreet('Version 12', false)).toBeUndefined();
    expect(readStreet('Windows 11', true)).toBeDefined(); // under an address label anything shaped like a street counts
    expect(readStreet('Tel 030 12345', true)).toBeUndefined();
    expect(readStreet('Fontanestraße 5', false)).toBeDefined(); // "Fon" is a phone label, not the start of every word
  });

  it('stays fast on a long adversarial line', () => {
    const lines = [
      `${'Musterstraße 12, '.repeat(120)}`,
      `${'A-a-a '.repeat(400)}12345 ${'Aaaa-aaaa '.repeat(300)}`,
      `${'12345 Berlin, '.repeat(150)}`,
      `${'Via '.repeat(500)}1, 00184 Roma`,
      `${'1'.repeat(2000)}`,
    ];
    const started = performance.now();
    for (let run = 0; run < 5; run++) readEuropeanAddresses({ lines, countryHints: [] });
    expect(performance.now() - started).toBeLessThan(250);
  });
});
