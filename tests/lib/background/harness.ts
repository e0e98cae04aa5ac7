import { LeadTracker, messageHandlers } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { handleMessage, type Result } from '@/lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schema';

let counter = 0;

/** A background with its own database and a clock the test moves; the popup's sender. */
export function playbookBackground(start = '2026-11-23T02:00:00.000Z', settings: Partial<Settings> = {}) {
  let now = new Date(start);
  const clock = () => new Date(now);
  const db = new SidecarDatabase(`playbook-background-${++counter}`);
  const leads = new LeadStore(db, { now: clock });
  const tracker = new LeadTracker(db, leads, { now: clock });
  const tasksChanged = vi.fn(async () => {});
  const handlers = messageHandlers(leads, async () => null, {
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    tracker,
    onTasksChanged: tasksChanged,
  });
  const send = async <T = unknown>(type: string, data: unknown): Promise<T> => {
    const answer = (await handleMessage({ type, data }, { fromExtensionPage: true }, handlers)) as Result<T>;
    if (!answer.ok) throw new Error(`${type}: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };
  const raw = (type: string, data: unknown) => handleMessage({ type, data }, { fromExtensionPage: true }, handlers);
  return {
    db,
    leads,
    tracker,
    tasksChanged,
    send,
    raw,
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
    setNow: (iso: string) => void (now = new Date(iso)),
  };
}

/** Facts that earn S with the playbook's defaults: 1000+ staff (30), a budget covering a deal (30), deciding this month (20). */
export const S_FACTS = { employees: 5000, budget: { min: 300_000, max: 500_000, currency: 'CNY' }, decisionTimeline: '本月' };
