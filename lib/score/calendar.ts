export const DAY_MS = 86_400_000;

/** Local calendar arithmetic at a fixed offset from UTC (the team's clock), on epoch milliseconds. */
export class Calendar {
  private readonly offsetMs: number;

  constructor(utcOffsetMinutes: number) {
    this.offsetMs = utcOffsetMinutes * 60_000;
  }

  /** Year, month (0-11), day, weekday (0 = Monday) and time of day of an instant, on the team's clock. */
  parts(at: number) {
    const local = new Date(at + this.offsetMs);
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth(),
      day: local.getUTCDate(),
      weekday: (local.getUTCDay() + 6) % 7,
      timeOfDay: (at + this.offsetMs) - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()),
    };
  }

  /** The last millisecond of a local day; months and days overflow as Date.UTC does (month 12 is next January). */
  endOfDay(year: number, month: number, day: number): number {
    return Date.UTC(year, month, day + 1) - 1 - this.offsetMs;
  }

  endOfMonth(year: number, month: number): number {
    return Date.UTC(year, month + 1, 1) - 1 - this.offsetMs;
  }

  endOfQuarter(year: number, quarter: number): number {
    return this.endOfMonth(year, quarter * 3 + 2);
  }

  /** End of the week (Monday to Sunday) `weeksAhead` weeks after the one holding `at`. */
  endOfWeek(at: number, weeksAhead: number): number {
    const { year, month, day, weekday } = this.parts(at);
    return this.endOfDay(year, month, day + (6 - weekday) + 7 * weeksAhead);
  }

  /** `months` calendar months later, the day clamped to the target month's length (31 Jan + 1 = 28/29 Feb). */
  addMonths(at: number, months: number): number {
    if (!Number.isInteger(months)) return at + months * 30 * DAY_MS;
    const { year, month, day, timeOfDay } = this.parts(at);
    const lastDay = new Date(Date.UTC(year, month + months + 1, 0)).getUTCDate();
    return Date.UTC(year, month + months, Math.min(day, lastDay)) + timeOfDay - this.offsetMs;
  }
}
