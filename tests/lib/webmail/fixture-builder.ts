import { parseHTML } from 'linkedom';
import { fixtureHtml } from './load-fixture';

/**
 * Threads of any length built from the fixtures' own markup: the customer's reply in gmail-thread.html and
 * outlook-thread.html is cloned `count` times with fresh ids, dates a minute apart and a numbered body.
 * For the bad-input tests and the reading benchmark (the HTML can be served to Chromium as it is).
 */
export interface BuildOptions {
  /** Replaces every message's body with this text. */
  bodyText?: string;
  /** Shown recipients per message (Gmail: `.hb` chips; Outlook: the To well), addresses r<i>@client<i>.com. */
  recipients?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const START = new Date(2026, 9, 1, 8, 0);
const BASE_ID = 0x18c3012c7f9e3a10n;

/** The local time of the i-th built message: what the adapter should read back. */
export function builtMessageDate(i: number): Date {
  return new Date(START.getTime() + i * 60_000);
}

function clock(date: Date): string {
  const hour = date.getHours() % 12 || 12;
  return `${hour}:${String(date.getMinutes()).padStart(2, '0')} ${date.getHours() < 12 ? 'AM' : 'PM'}`;
}

export function gmailThreadHtml(count: number, options: BuildOptions = {}): string {
  const { document } = parseHTML(fixtureHtml('gmail-thread.html'));
  const template = document.querySelector('[data-legacy-message-id="18c3012c7f9e3a10"]')!.closest('[role="listitem"]')!;
  const list = template.parentElement!;
  for (const item of Array.from(list.children)) item.remove();
  for (let i = 0; i < count; i++) {
    const item = template.cloneNode(true) as Element;
    const message = item.querySelector('[data-message-id]')!;
    const id = BASE_ID + BigInt(i);
    message.setAttribute('data-legacy-message-id', id.toString(16));
    message.setAttribute('data-message-id', `#msg-f:${id.toString()}`);
    const date = builtMessageDate(i);
    item.querySelector('.g3')!.setAttribute('title', `${DAYS[date.getDay()]}, ${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}, ${clock(date)}`);
    const body = item.querySelector('.a3s')!;
    if (options.bodyText !== undefined) body.textContent = options.bodyText;
    else body.firstElementChild!.insertBefore(document.createTextNode(`Message ${i + 1}. `), body.firstElementChild!.firstChild);
    if (options.recipients !== undefined) {
      item.querySelector('.ajA')?.remove();
      const shown = item.querySelector('.hb')!;
      shown.textContent = 'to ';
      for (let r = 0; r < options.recipients; r++) {
        const chip = document.createElement('span');
        chip.className = 'g2';
        chip.setAttribute('email', `r${r}@client${r}.com`);
        chip.setAttribute('name', `Recipient ${r}`);
        chip.textContent = `Recipient ${r}`;
        shown.append(chip, document.createTextNode(', '));
      }
    }
    list.append(item);
  }
  return document.toString();
}

export function outlookThreadHtml(count: number, options: BuildOptions = {}): string {
  const { document } = parseHTML(fixtureHtml('outlook-thread.html'));
  const template = document.querySelector('#UniqueMessageBody_2')!.closest('.aVla3')!;
  const container = template.parentElement!;
  for (const item of Array.from(container.children)) item.remove();
  for (let i = 0; i < count; i++) {
    const item = template.cloneNode(true) as Element;
    const date = builtMessageDate(i);
    item.querySelector('[data-testid="SentReceivedSavedTime"]')!.textContent = `${DAYS[date.getDay()]} ${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()} ${clock(date)}`;
    const body = item.querySelector('[id^="UniqueMessageBody_"]')!;
    body.id = `UniqueMessageBody_${i + 1}`;
    if (options.bodyText !== undefined) body.textContent = options.bodyText;
    else body.firstElementChild!.insertBefore(document.createTextNode(`Message ${i + 1}. `), body.firstElementChild!.firstChild);
    if (options.recipients !== undefined) {
      const well = item.querySelector('[data-testid="RecipientWell"]')!;
      const names = Array.from({ length: options.recipients }, (_, r) => `Recipient ${r} <r${r}@client${r}.com>`);
      well.textContent = `To: ${names.join('; ')}`;
    }
    container.append(item);
  }
  return document.toString();
}
