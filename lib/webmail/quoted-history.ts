import { parseMailbox } from './addresses';
import type { MailAddress } from './types';

/**
 * Where the sender's own text ends and quoted or forwarded history begins, as mail clients write it:
 * "On … wrote:", "在 … 写道：", Outlook's "From: … Sent: …" block and its underscore rule, "-----Original
 * Message-----", "---------- Forwarded message ---------", "-----原始邮件-----", and "> " quoting.
 */
const HISTORY_START = [
  /^On .{4,300}wrote:?$/i,
  /^Am .{4,200}schrieb .{1,200}:$/i,
  /^Le .{4,200}a écrit\s?:$/i,
  /^在.{4,200}写道[:：]?$/,
  /^-{2,}\s*(?:Original Message|Forwarded message|Weitergeleitete Nachricht|Message transféré)\s*-{2,}$/i,
  /^-{2,}\s*(?:原始邮件|原始郵件|转发邮件|轉寄郵件|转发的邮件)\s*-{2,}$/,
  /^Begin forwarded message:?$/i,
  /^_{10,}$/,
  /^>/,
];
/** A header block: "From:" followed within three lines by "Sent:"/"Date:" (Outlook), or "发件人：" then "发送时间：". */
const FROM_LINE = /^(?:\*\s*)?(?:From|Von|De|发件人|寄件者|發件人)\s*[:：]/i;
const DATE_LINE = /^(?:\*\s*)?(?:Sent|Date|Gesendet|Envoyé|发送时间|寄件日期|时间|日期)\s*[:：]/i;

/** Index of the line where history starts, or the number of lines when there is none. */
export function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (HISTORY_START.some((pattern) => pattern.test(line))) return i;
    if (FROM_LINE.test(line) && lines.slice(i + 1, i + 4).some((next) => DATE_LINE.test(next.trim()))) return i;
  }
  return lines.length;
}

/** The message's own text: everything before the quoted or forwarded history. */
export function ownText(body: string): string {
  const lines = body.split('\n');
  return lines.slice(0, historyStart(lines)).join('\n').trim();
}

/**
 * The senders named in a message's quoted or forwarded history ("From: Wang Fang <wang.fang@huaxin-pack.com>",
 * "发件人: 王芳 <…>"): a colleague forwarding a customer's email brings that customer into the thread.
 */
export function historySenders(body: string, max = 10): MailAddress[] {
  const lines = body.split('\n');
  const found: MailAddress[] = [];
  for (let i = historyStart(lines); i < lines.length && found.length < max; i++) {
    const line = lines[i]!.trim();
    if (!FROM_LINE.test(line)) continue;
    const mailbox = parseMailbox(line.replace(FROM_LINE, ''));
    if (mailbox) found.push(mailbox);
  }
  return found;
}
