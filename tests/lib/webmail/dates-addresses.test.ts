import { parseMailDate } from '@/lib/webmail/dates';
import { parseAddressList, parseMailbox } from '@/lib/webmail/addresses';

const local = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString();

describe('dates as webmail headers show them', () => {
  it.each([
    ['Tue, Nov 3, 2026, 4:02 PM', local(2026, 10, 3, 16, 2)],
    ['Nov 3, 2026, 12:05 AM', local(2026, 10, 3, 0, 5)],
    ['Tue, Nov 3, 2026 at 4:02 PM', local(2026, 10, 3, 16, 2)],
    ['3 Nov 2026, 16:02', local(2026, 10, 3, 16, 2)],
    ['September 30, 2026, 9:00 AM', local(2026, 8, 30, 9, 0)],
    ['2026年11月3日 周二 下午3:04', local(2026, 10, 3, 15, 4)],
    ['2026年11月3日 上午12:30', local(2026, 10, 3, 0, 30)],
    ['2026/11/5 周四 18:20', local(2026, 10, 5, 18, 20)],
    ['2026-01-02 10:00', local(2026, 0, 2, 10, 0)],
    ['Mon 11/2/2026 9:14 AM', local(2026, 10, 2, 9, 14)],
  ])('reads "%s"', (text, iso) => {
    expect(parseMailDate(text)).toBe(iso);
  });

  it('reads day-first numeric dates outside US English, and a day over 12 either way', () => {
    expect(parseMailDate('03.11.2026 16:02', 'de-DE')).toBe(local(2026, 10, 3, 16, 2));
    expect(parseMailDate('3/11/2026 16:02', 'en-GB')).toBe(local(2026, 10, 3, 16, 2));
    expect(parseMailDate('11/30/2026 4:02 PM', 'en-GB')).toBe(local(2026, 10, 30, 16, 2));
  });

  it('returns null rather than a wrong date', () => {
    for (const text of ['', '3 days ago', 'Feb 31, 2026, 10:00 AM', 'Nov 3, 2026, 13:00 PM', '2026-13-01']) expect(parseMailDate(text)).toBeNull();
  });
});

describe('mailboxes as webmail shows them', () => {
  it('reads names and addresses in the usual shapes, lower-casing the address', () => {
    expect(parseMailbox('Jane Doe <Jane.Doe@Acme-GmbH.de>')).toEqual({ name: 'Jane Doe', address: 'jane.doe@acme-gmbh.de' });
    expect(parseMailbox('"Doe, Jane"<jane@acme.com>')).toEqual({ name: 'Doe, Jane', address: 'jane@acme.com' });
    expect(parseMailbox('jane@acme.com (Jane)')).toEqual({ name: 'Jane', address: 'jane@acme.com' });
    expect(parseMailbox('<jane@acme.com>')).toEqual({ name: null, address: 'jane@acme.com' });
    expect(parseMailbox('mailto:jane@acme.com')).toEqual({ name: null, address: 'jane@acme.com' });
  });

  it('refuses what is not an address', () => {
    for (const text of ['Jane Doe', 'jane@', '@acme.com', 'jane@acme', 'ja ne@acme.com', 'undisclosed-recipients:;', `${'a'.repeat(250)}@acme.com`]) expect(parseMailbox(text)).toBeNull();
  });

  it('splits lists on ; , and full-width separators, de-duplicated', () => {
    expect(parseAddressList('a@x.com; B <b@y.com>，c@z.com；a@x.com').addresses.map((m) => m.address)).toEqual(['a@x.com', 'b@y.com', 'c@z.com']);
  });
});
