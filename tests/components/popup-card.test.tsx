import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { LeadCardView } from '@/components/popup/LeadCardView';
import { evidenceText, formatDuration, formatWhen } from '@/components/popup/format';
import { saveBackend } from '@/lib/settings/backend-store';
import { translator } from '@/lib/i18n';
import type { LeadCard } from '@/lib/messaging';
import { makeCapture } from '../helpers/make-capture';
import { S_FACTS, playbookBackground } from '../lib/background/harness';

const en = translator('en');
const zh = translator('zh_CN');
const noop = () => {};

async function cardOf(edits: Record<string, unknown>, now = '2026-11-23T02:00:00.000Z') {
  const bg = playbookBackground(now);
  const { lead } = await bg.send<{ lead: { id: string } }>('clip.save', { capture: makeCapture(), edits: {} });
  if (Object.keys(edits).length > 0) await bg.send('lead.update', { id: lead.id, edits });
  return (await bg.send<{ card: LeadCard }>('lead.card', { leadId: lead.id })).card;
}

function render(card: LeadCard, now: string, t = en) {
  const html = renderToStaticMarkup(<LeadCardView card={card} now={Date.parse(now)} t={t} onChanged={noop} onError={noop} onOpenSidebar={noop} />);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const text = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const items = (testId: string) => [...document.querySelectorAll(`[data-testid="${testId}"] li`)].map((li) => li.textContent.trim());
  return { document, text, items };
}

describe('the popup’s lead card', () => {
  it('a lead with no facts shows C, every dimension unknown, and what to ask next', async () => {
    const card = await cardOf({});
    const { document, text, items } = render(card, '2026-11-23T02:00:00.000Z');
    expect(text('tier-badge')).toBe('C');
    expect(text('score-total')).toBe('Score 0/100');
    for (const key of ['scale', 'budget', 'urgency', 'decisionChain']) {
      expect(document.querySelector(`[data-testid="dimension-${key}"]`)?.getAttribute('data-points')).toBe('0');
    }
    expect(text('dimension-scale')).toContain('unknown');
    expect(items('ask-next')).toEqual(['How many employees?', 'What is the annual revenue?', 'What budget do they have?', 'When will they decide?', 'Who decides?', 'What do they need, and what hurts?']);
    // C: first contact within 24 hours of creation.
    expect(text('response-deadline')).toBe('⏱ First contact due in 1 d 0 h');
  });

  it('an S lead shows S, its points per dimension with the evidence, the next follow-up and the countdown', async () => {
    const card = await cardOf(S_FACTS);
    const { document, text } = render(card, '2026-11-23T02:30:00.000Z');
    expect(text('tier-badge')).toBe('S');
    expect(text('score-total')).toBe('Score 80/100');
    expect(text('dimension-scale')).toContain('30/30');
    expect(text('dimension-scale')).toContain('5,000 employees (typed)');
    expect(text('dimension-budget')).toContain('Budget 300,000–500,000 CNY (typed)');
    expect(text('dimension-budget')).toContain('Budget covers 250% of a typical deal (200,000 CNY)');
    expect(text('dimension-urgency')).toMatch(/Decision “本月”: in about \d+ days/);
    expect(text('dimension-decisionChain')).toContain('0/20');
    expect(text('ask-next')).toContain('Who decides?');
    expect(document.querySelector('[data-testid="next-follow-up"]')?.getAttribute('data-due')).toBe('2026-11-23T04:00:00.000Z');
    expect(text('next-follow-up')).toContain('first contact');
    expect(text('response-deadline')).toBe('⏱ First contact due in 1 h 30 min');
    expect(document.querySelectorAll('[data-testid="proposal"]')).toHaveLength(1);
    expect(document.querySelector('[data-testid="proposal"] input')?.getAttribute('value')).toBe('First contact with Acme Robotics');
  });

  it('says when the first contact is overdue, and speaks Chinese', async () => {
    const card = await cardOf(S_FACTS);
    const { text } = render(card, '2026-11-23T05:10:00.000Z', zh);
    expect(text('response-deadline')).toBe('⚠ 首次联系已超时 1 小时 10 分钟');
    expect(text('score-total')).toBe('评分 80/100');
    expect(text('dimension-scale')).toContain('员工 5,000 人（手动填写）');
    expect(text('ask-next')).toContain('谁来拍板？');
  });
});

describe('popup wording', () => {
  it('counts down in days, hours and minutes', () => {
    expect(formatDuration(26 * 3_600_000, en)).toBe('1 d 2 h');
    expect(formatDuration(-(90 * 60_000), en)).toBe('1 h 30 min');
    expect(formatDuration(30_001, en)).toBe('1 min');
  });

  it('words evidence with the facts’ sources, a one-sided budget, and roles', () => {
    expect(evidenceText({ key: 'budget', params: { max: 500_000, currency: 'CNY', origin: 'capture' } }, en)).toBe('Budget ≤ 500,000 CNY (from the page)');
    expect(evidenceText({ key: 'contactRole', params: { name: '张总', role: 'decision_maker' } }, zh)).toBe('张总：决策人');
    expect(evidenceText({ key: 'currencyNotComparable', params: { fact: 'revenue', currency: 'USD', teamCurrency: 'CNY' } }, en)).toBe('revenue is in USD; the team has no rate to CNY');
  });
});

describe('the tier override in the popup', () => {
  async function overriddenCard() {
    const bg = playbookBackground('2026-11-23T02:00:00.000Z', { repName: 'Manager Zhang' });
    const { lead } = await bg.send<{ lead: { id: string } }>('clip.save', { capture: makeCapture(), edits: {} });
    await bg.send('lead.overrideTier', { leadId: lead.id, tier: 'S', reason: 'Group account, strategic' });
    return { bg, leadId: lead.id };
  }

  it('working alone, the rep is their own manager: the override form is offered, and the override says who, when and why', async () => {
    const { bg, leadId } = await overriddenCard();
    const card = (await bg.send<{ card: LeadCard }>('lead.card', { leadId })).card;
    const { document, text } = render(card, '2026-11-23T03:00:00.000Z');
    expect(text('tier-badge')).toBe('S');
    expect(text('tier-override')).toBe(`Set to S by Manager Zhang on ${formatWhen('2026-11-23T02:00:00.000Z')}: Group account, strategic`);
    expect(document.querySelector('select[name="overrideTier"]')).not.toBeNull();
    expect(text('override-managers-only')).toBeNull();
  });

  it('signed in to a team as a rep: the manager’s override is shown, the form is not offered', async () => {
    const { bg, leadId } = await overriddenCard();
    await saveBackend({
      url: 'http://127.0.0.1:8787',
      token: 'token',
      expiresAt: '2027-01-01T00:00:00.000Z',
      account: { id: 'rep-1', email: 'rep@example.com', role: 'rep', teamId: 'team-1', teamName: 'East' },
    });
    const card = (await bg.send<{ card: LeadCard }>('lead.card', { leadId })).card;
    expect(card.mayOverride).toBe(false);
    const { document, text } = render(card, '2026-11-23T03:00:00.000Z', zh);
    expect(text('tier-override')).toContain('Manager Zhang 于');
    expect(document.querySelector('select[name="overrideTier"]')).toBeNull();
    expect(text('override-managers-only')).toBe('只有团队的经理或管理员可以调整分级。');
    expect(text('tier-history')).toContain('Group account, strategic');
  });
});
