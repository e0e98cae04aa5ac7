import { leadsForDomains } from '@/lib/background/webmail-leads';
import { SidecarDatabase, toRow } from '@/lib/db';
import { makeLead } from '../score/records';

let counter = 0;

describe("matching a thread's companies to leads", () => {
  it("finds each company's lead by its domain, else by a domain a merge gave another lead, in the order asked", async () => {
    const db = new SidecarDatabase(`webmail-leads-${++counter}`);
    const acme = makeLead({ id: '01890a5d-ac96-774b-bcce-b302099a8001', name: 'Acme', domain: 'acme.com', otherDomains: ['acme.de', 'globex.com'] });
    const globex = makeLead({ id: '01890a5d-ac96-774b-bcce-b302099a8002', name: 'Globex', domain: 'globex.com' });
    const gone = makeLead({ id: '01890a5d-ac96-774b-bcce-b302099a8003', name: 'Initech', domain: 'initech.com', deletedAt: '2026-11-01T00:00:00.000Z' });
    await db.leads.bulkAdd([acme, globex, gone].map(toRow));
    const found = await leadsForDomains(db, ['ACME.de', 'globex.com', 'initech.com', 'nobody.example']);
    expect(found.map((lead) => lead?.name)).toEqual(['Acme', 'Globex', undefined, undefined]);
    expect(await leadsForDomains(db, [])).toEqual([]);
  });
});
