import { extractCompany } from '@/lib/capture';
import { parsePage } from '../../helpers/corpus';

const page = (body: string) => parsePage(`<!doctype html><html lang="de"><head><title>Impressum – Brückner Maschinenbau GmbH</title></head><body>${body}</body></html>`);
const people = (body: string) =>
  extractCompany(page(body), 'https://www.brueckner-mb.de/impressum').fields.people.map((p) => ({ name: p.name.value, title: p.title?.value, phones: p.phones }));

describe('reading the people a German imprint (Impressum) names', () => {
  it('reads the managing director, without the academic title, and the number written with them', () => {
    expect(people('<h1>Impressum</h1><p>Brückner Maschinenbau GmbH<br>Geschäftsführer: Dr. Markus Weber<br>Telefon: +49 8662 63-0</p>')).toEqual([
      { name: 'Markus Weber', title: 'Geschäftsführer', phones: ['+49 8662 630'] },
    ]);
  });

  it('reads names with umlauts, owners, and the "vertreten durch" form', () => {
    expect(people('<p>Inhaberin: Anna Schäfer</p>')).toEqual([{ name: 'Anna Schäfer', title: 'Inhaberin', phones: [] }]);
    expect(people('<p>Vertreten durch den Geschäftsführer Jörg Müller-Lüdenscheidt</p>')).toEqual([
      { name: 'Jörg Müller-Lüdenscheidt', title: 'Geschäftsführer', phones: [] },
    ]);
    expect(people('<p>Sitz: Siegsdorf | Geschäftsführung: Herr Thomas Berger, Frau Eva Lang</p>')).toEqual([
      { name: 'Thomas Berger', title: 'Geschäftsführung', phones: [] },
    ]);
  });

  it('does not take the register court or a company for a person', () => {
    expect(people('<p>Geschäftsführer: Markus Weber Registergericht: Amtsgericht Traunstein</p>')).toEqual([
      { name: 'Markus Weber', title: 'Geschäftsführer', phones: [] },
    ]);
    expect(people('<p>Inhaber: Brückner Holding GmbH</p><p>Vorstand: siehe Handelsregister</p>')).toEqual([]);
  });
});
