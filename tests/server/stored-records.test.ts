import { expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate';
import { describeEachBackend, useMigratedDatabase } from './backends';
import { createHarness } from './harness';
import { makeLead, stamper } from './records';
import { newClientId, pullAll, push, put } from './sync-calls';

describeEachBackend('records as stored', (backend) => {
  const database = useMigratedDatabase(backend);

  it('a lead stored before its stamps had their own column is read, merged and stored again packed, losing nothing', async () => {
    const db = database();
    const h = createHarness(db);
    const { users } = await h.team(['rep']);
    const rep = users[0]!;
    const clock = stamper('olddevice');
    const lead = makeLead(clock(), { domain: 'old-row.example', description: 'clipped last year' });
    await push(h, rep, newClientId(), [put('leads', lead)]);
    // As migration 006 found it: the stamps inside the body, none in the column.
    await db.query(`UPDATE records SET body = (body::jsonb || jsonb_build_object('versions', $2::jsonb))::json, versions = NULL WHERE id = $1`, [lead.id, JSON.stringify(lead.versions)]);

    const before = (await pullAll(h, rep)).records.get(lead.id);
    expect(before.versions).toEqual(lead.versions);
    expect(before.description).toBe('clipped last year');

    const edited = { ...lead, description: 'met at the fair', versions: { ...lead.versions, description: clock() } };
    const { json } = await push(h, rep, newClientId(), [put('leads', edited)]);
    expect(json.results[0]).toMatchObject({ status: 'applied' });
    const after = (await pullAll(h, rep)).records.get(lead.id);
    expect(after.description).toBe('met at the fair');
    expect(after.versions).toEqual(edited.versions);

    const [row] = await db.query<{ in_body: boolean; versions: unknown }>(`SELECT body::jsonb ? 'versions' AS in_body, versions FROM records WHERE id = $1`, [lead.id]);
    expect(row!.in_body).toBe(false);
    expect(row!.versions).toEqual([lead.versions.name, expect.any(String), edited.versions.description, 'description']);
  });

  it('a lead stored by the server before migrations 006-008 (jsonb body with its stamps) reads the same after them', async () => {
    const db = await backend.open();
    try {
      await migrate(db, loadMigrations().slice(0, 5));
      const h = createHarness(db);
      const { id: teamId, users } = await h.team(['rep']);
      const lead = makeLead(stamper('olddevice')(), { teamId, ownerId: users[0]!.id, domain: 'before-008.example', stage: 'initial_contact' });
      await db.query(
        `INSERT INTO records (id, team_id, kind, body, authors, change_no, owner_id, company_keys) VALUES ($1, $2, 'leads', $3::jsonb, '{"*": "x"}', 1, $4, ARRAY['before-008.example'])`,
        [lead.id, teamId, JSON.stringify(lead), users[0]!.id],
      );
      await db.query('UPDATE teams SET change_counter = 1 WHERE id = $1', [teamId]);
      await migrate(db);
      expect((await pullAll(h, users[0]!)).records.get(lead.id)).toEqual(lead);
      expect(await db.query('SELECT stage FROM records WHERE id = $1', [lead.id])).toEqual([{ stage: 'initial_contact' }]);
    } finally {
      await db.close();
    }
  });

  it('a team that has records cannot be deleted, so no record is left without its team', async () => {
    const db = database();
    const h = createHarness(db);
    const { id, users } = await h.team(['rep']);
    await push(h, users[0]!, newClientId(), [put('leads', makeLead(stamper('d')(), { domain: 'kept.example' }))]);
    await expect(db.query('DELETE FROM teams WHERE id = $1', [id])).rejects.toThrow(/still has records/);
    expect(await db.query('SELECT 1 FROM records WHERE team_id = $1', [id])).toHaveLength(1);
  });
});
