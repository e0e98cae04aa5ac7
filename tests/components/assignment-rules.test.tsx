import { parseHTML } from 'linkedom';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AssignmentRulesEditor } from '@/components/team/AssignmentRules';
import type { AssignmentSettings } from '@/lib/schema';

let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.unstubAllGlobals();
});

const MEMBERS = [
  { id: 'u-manager', email: 'lin@acme.cn', role: 'manager' },
  { id: 'u-rep', email: 'wang@acme.cn', role: 'rep' },
];

/** Renders the editor against a background that answers 'team.members' with `members` (null: signed out). */
async function render(initial: AssignmentSettings, members: typeof MEMBERS | null) {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('navigator', { language: 'en-US' });
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({ ok: true, data: { signedIn: members !== null, members: members ?? [] } })) as never);
  const seen: AssignmentSettings[] = [];
  function Host() {
    const [value, setValue] = useState(initial);
    return <AssignmentRulesEditor value={value} onChange={(next) => (seen.push(next), setValue(next))} />;
  }
  root = createRoot(document.getElementById('root')!);
  await act(async () => root!.render(<Host />));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 30)));
  const click = async (selector: string) => act(async () => (document.querySelector(selector) as HTMLElement).click());
  return { document, seen, click, last: () => seen.at(-1)! };
}

describe('the assignment rules editor', () => {
  it('signed out, it says rules need the team and offers nothing to edit', async () => {
    const { document } = await render({ appliesTo: 'unowned', rules: [] }, null);
    expect(document.querySelector('[data-testid="assignment-rules"]')?.textContent).toMatch(/Sign in to your team/);
    expect(document.querySelector('select')).toBeNull();
  });

  it('builds "S leads to the manager" from clicks, and orders rules', async () => {
    const { document, click, last } = await render({ appliesTo: 'unowned', rules: [{ tiers: [], regions: [], industries: [], assignees: ['u-rep'] }] }, MEMBERS);
    expect(document.querySelector('[data-testid="assignment-rule-1"]')?.textContent).toMatch(/wang@acme\.cn \(rep\)/);
    const buttons = [...document.querySelectorAll('button')] as HTMLElement[];
    await act(async () => buttons.find((b) => b.textContent === 'Add a rule')!.click());
    await click('[data-testid="assignment-rule-2"] input[name="rule2.tier.S"]');
    const managerBox = [...document.querySelectorAll('[data-testid="assignment-rule-2"] input[name="rule2.assignee"]')].find((box) => (box as HTMLInputElement).value === 'lin@acme.cn') as HTMLElement;
    await act(async () => managerBox.click());
    expect(last().rules[1]).toEqual({ tiers: ['S'], regions: [], industries: [], assignees: ['u-manager'] });
    const moveUp = [...document.querySelectorAll('[data-testid="assignment-rule-2"] button')].find((b) => b.textContent === 'Move up') as HTMLElement;
    await act(async () => moveUp.click());
    expect(last().rules.map((rule) => rule.assignees)).toEqual([['u-manager'], ['u-rep']]);
  });
});
