import { z } from 'zod';
import { messageHandlers } from '@/lib/background';
import { LeadStore, SidecarDatabase } from '@/lib/db';
import { ErrorCode, SidecarError, handleMessage, type Handlers } from '@/lib/messaging';
import { makeCapture } from '../../helpers/make-capture';

const fromPage = { tabId: 7, fromExtensionPage: false };
const fromPopup = { fromExtensionPage: true };
let counter = 0;

function background() {
  const store = new LeadStore(new SidecarDatabase(`messaging-test-${++counter}`));
  return { store, handlers: messageHandlers(store, async () => null) };
}

describe('the background answers every message with a value, never a crash', () => {
  it('saves a clip sent by the sidebar and finds it again by URL', async () => {
    const { handlers } = background();
    const saved = await handleMessage({ type: 'clip.save', data: { capture: makeCapture(), edits: {} } }, fromPage, handlers);
    expect(saved).toMatchObject({ ok: true, data: { lead: { name: 'Acme Robotics', code: expect.stringMatching(/^LX\d{7}$/) } } });
    const found = await handleMessage({ type: 'lead.forUrl', data: { url: 'https://acme-robotics.com/contact' } }, fromPopup, handlers);
    expect(found).toMatchObject({ ok: true, data: { lead: { name: 'Acme Robotics' } } });
  });

  it.each([
    ['no envelope', null, ErrorCode.InvalidMessage],
    ['a string', 'clip.save', ErrorCode.InvalidMessage],
    ['an unknown type', { type: 'lead.dropAll', data: {} }, ErrorCode.UnknownMessage],
    ['a prototype key as type', { type: '__proto__', data: {} }, ErrorCode.UnknownMessage],
    ['a malformed capture', { type: 'clip.save', data: { capture: 42, edits: {} } }, ErrorCode.InvalidMessage],
    ['an edit that breaks the schema', { type: 'clip.save', data: { capture: makeCapture(), edits: { stage: 'bought' } } }, ErrorCode.InvalidMessage],
    ['a limit out of range', { type: 'lead.recent', data: { limit: 1e9 } }, ErrorCode.InvalidMessage],
  ])('refuses %s with a coded error', async (_label, message, code) => {
    const { store, handlers } = background();
    const answer = await handleMessage(message, fromPage, handlers);
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(await store.recent(10)).toEqual([]);
  });

  it('does not let a content script ask the background to script another tab', async () => {
    const { handlers } = background();
    const answer = await handleMessage({ type: 'sidebar.openInTab', data: { tabId: 3 } }, fromPage, handlers);
    expect(answer).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidMessage } });
  });

  it('keeps what is stored when a save fails validation', async () => {
    const { store, handlers } = background();
    await handleMessage({ type: 'clip.save', data: { capture: makeCapture(), edits: {} } }, fromPage, handlers);
    const before = await store.recent(10);
    const answer = await handleMessage({ type: 'clip.save', data: { capture: makeCapture(), edits: { name: '   ' } } }, fromPage, handlers);
    expect(answer.ok).toBe(false);
    expect(await store.recent(10)).toEqual(before);
  });

  it('turns handler failures into coded errors with a message that says what happened', async () => {
    const failing = (error: unknown) =>
      ({ ...background().handlers, 'lead.recent': async () => Promise.reject(error) }) as Handlers;
    const request = { type: 'lead.recent', data: { limit: 5 } };
    expect(await handleMessage(request, fromPopup, failing(new SidecarError(ErrorCode.NotFound, 'gone')))).toEqual({
      ok: false,
      error: { code: ErrorCode.NotFound, message: 'gone' },
    });
    const zodFailure = z.object({ name: z.string().min(1) }).safeParse({ name: '' }).error;
    expect(await handleMessage(request, fromPopup, failing(zodFailure))).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidLead } });
    const quota = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    expect(await handleMessage(request, fromPopup, failing(quota))).toMatchObject({ ok: false, error: { code: ErrorCode.Storage } });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await handleMessage(request, fromPopup, failing(new TypeError('x is undefined')))).toMatchObject({ ok: false, error: { code: ErrorCode.Internal } });
  });
});

describe('captures are checked against the page that sent them', () => {
  it('derives the domain from the captured URL, not from what the sender claims', async () => {
    const { handlers } = background();
    const capture = makeCapture({ domain: 'bank.com' });
    const answer = await handleMessage({ type: 'clip.save', data: { capture, edits: {} } }, { ...fromPage, url: capture.url }, handlers);
    expect(answer).toMatchObject({ ok: true, data: { lead: { domain: 'acme-robotics.com' } } });
  });

  it('refuses a content script filing a capture of another site', async () => {
    const { store, handlers } = background();
    const answer = await handleMessage(
      { type: 'clip.save', data: { capture: makeCapture(), edits: {} } },
      { ...fromPage, url: 'https://evil.example.net/' },
      handlers,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidMessage } });
    expect(await store.recent(10)).toEqual([]);
  });

  it('refuses script and data URLs', async () => {
    const { handlers } = background();
    const answer = await handleMessage({ type: 'clip.save', data: { capture: makeCapture({ url: 'javascript:alert(1)' }), edits: {} } }, fromPopup, handlers);
    expect(answer).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidMessage } });
  });
});
