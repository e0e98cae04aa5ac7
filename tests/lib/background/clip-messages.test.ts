import { messageHandlers } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { ErrorCode, handleMessage } from '@/lib/messaging';
import { DEFAULT_SETTINGS, DEFAULT_TEAM_SETTINGS, PageCapture, TeamSettings } from '@/lib/schema';
import { saveSettings, saveTeamSettings } from '@/lib/settings';
import { makeCapture } from '../../helpers/make-capture';

const fromPage = (url: string) => ({ tabId: 7, fromExtensionPage: false, url });
let counter = 0;

function background() {
  const store = new LeadStore(new SidecarDatabase(`clip-messages-test-${++counter}`));
  return { store, handlers: messageHandlers(store, async () => null) };
}

const page = (url: string, name: string) => {
  const capture = makeCapture({ url, domain: new URL(url).hostname.replace(/^www\./, ''), name, phones: ['+86 10 6608 5566'] });
  return PageCapture.parse({
    ...capture,
    fields: { ...capture.fields, people: [{ name: { value: '张经理', source: 'text', snippet: '', confidence: 0.8 }, phones: ['+86 138 0013 8000'], emails: [] }] },
  });
};

describe('clip messages carry enrichment, contacts, completeness, screening and duplicates', () => {
  it('previews a page with what enrichment found, the people as contacts and the assessment', async () => {
    const { handlers } = background();
    const capture = page('https://www.acme.com/', 'Acme Robotics');
    const answer = await handleMessage({ type: 'clip.preview', data: { capture } }, fromPage(capture.url), handlers);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const data = answer.data as { lead: { industry: string; region: string }; contacts: Array<{ phones: string[] }>; suggestions: unknown[]; assessment: { completeness: { level: string }; screening: { status: string; checks: unknown[] } } };
    expect(data.lead).toMatchObject({ industry: 'manufacturing', region: '北京' });
    expect(data.contacts[0]!.phones).toEqual(['138****8000']);
    expect(data.suggestions.length).toBeGreaterThan(0);
    expect(data.assessment.completeness.level).toBe('mostly_complete');
    // The playbook's example criteria: headcount, needs and budget are not known yet.
    expect(data.assessment.screening.status).toBe('incomplete');
    expect(data.assessment.screening.checks).toHaveLength(3);
  });

  it('follows the masking setting of the options page', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, maskContactPhones: false });
    const { handlers } = background();
    const capture = page('https://www.acme.com/', 'Acme Robotics');
    const answer = await handleMessage({ type: 'clip.save', data: { capture, edits: {} } }, fromPage(capture.url), handlers);
    expect(answer).toMatchObject({ ok: true, data: { contacts: [{ phones: ['+86 138 0013 8000'] }] } });
  });

  it("masks anyway when the team's playbook enforces masking, whatever the rep chose", async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, maskContactPhones: false });
    await saveTeamSettings(TeamSettings.parse({ ...DEFAULT_TEAM_SETTINGS, maskContactPhones: true }));
    const { handlers } = background();
    const capture = page('https://www.acme.com/', 'Acme Robotics');
    const answer = await handleMessage({ type: 'clip.save', data: { capture, edits: {} } }, fromPage(capture.url), handlers);
    expect(answer).toMatchObject({ ok: true, data: { contacts: [{ phones: ['138****8000'] }] } });
  });

  it('offers a duplicate under another domain and merges the two leads on request', async () => {
    const { store, handlers } = background();
    const com = page('https://www.acme.com/', 'Acme Robotics Inc.');
    const de = page('https://www.acme.de/', 'ACME Robotics GmbH');
    await handleMessage({ type: 'clip.save', data: { capture: com, edits: {} } }, fromPage(com.url), handlers);
    await handleMessage({ type: 'clip.save', data: { capture: de, edits: {} } }, fromPage(de.url), handlers);
    const preview = await handleMessage({ type: 'clip.preview', data: { capture: de } }, fromPage(de.url), handlers);
    const { lead, possibleDuplicates } = (preview as { data: { lead: { id: string }; possibleDuplicates: Array<{ lead: { id: string }; reason: string }> } }).data;
    expect(possibleDuplicates).toHaveLength(1);
    expect(possibleDuplicates[0]!.reason).toBe('name');

    const merged = await handleMessage({ type: 'lead.merge', data: { keepId: possibleDuplicates[0]!.lead.id, mergeId: lead.id } }, fromPage(de.url), handlers);
    expect(merged).toMatchObject({ ok: true, data: { lead: { domain: 'acme.com', otherDomains: ['acme.de'] }, contacts: [{ name: '张经理' }] } });
    expect(await store.recent(10)).toHaveLength(1);
    expect(await handleMessage({ type: 'lead.merge', data: { keepId: possibleDuplicates[0]!.lead.id, mergeId: lead.id } }, fromPage(de.url), handlers)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.NotFound },
    });
  });

  it('refuses to file a page into a chosen lead when its site has a lead of its own', async () => {
    const { handlers } = background();
    const com = page('https://www.acme.com/', 'Acme Robotics');
    const globex = page('https://www.globex.cn/', 'Globex');
    const saved = await handleMessage({ type: 'clip.save', data: { capture: com, edits: {} } }, fromPage(com.url), handlers);
    await handleMessage({ type: 'clip.save', data: { capture: globex, edits: {} } }, fromPage(globex.url), handlers);
    const intoLeadId = (saved as { data: { lead: { id: string } } }).data.lead.id;
    const answer = await handleMessage({ type: 'clip.save', data: { capture: globex, edits: {}, intoLeadId } }, fromPage(globex.url), handlers);
    expect(answer).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidMessage, message: expect.stringMatching(/merge the two leads/) } });
  });
});
