import type { DateTime } from 'luxon';
import { dayFromParts, parseLocalDate } from '../local-date';

/**
 * Reads a day list as the legal-basis tables write it: comma-separated days or inclusive ranges `a..b`,
 * `none` for no days. With `year`, items are `MM-DD` within that year; without, full `YYYY-MM-DD` dates.
 * Throws an Error naming the bad item; callers wrap it with the data path.
 */
export function parseDayList(text: string, year?: number): DateTime[] {
  if (text.trim() === 'none') return [];
  const days: DateTime[] = [];
  for (const rawItem of text.split(',')) {
    const item = rawItem.trim();
    const [startText, endText, extra] = item.split('..');
    if (startText === undefined || extra !== undefined) throw new Error(`cannot read day list item "${item}"`);
    const start = readDay(startText, year);
    const end = endText === undefined ? start : readDay(endText, year);
    if (end < start) throw new Error(`range "${item}" ends before it starts`);
    for (let day = start; day <= end; day = day.plus({ days: 1 })) days.push(day);
  }
  return days;
}

function readDay(text: string, year: number | undefined): DateTime {
  if (year === undefined) {
    const day = parseLocalDate(text);
    if (!day) throw new Error(`"${text}" is not a YYYY-MM-DD date`);
    return day;
  }
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  const day = match ? dayFromParts(year, Number(match[1]), Number(match[2])) : undefined;
  if (!day?.isValid) throw new Error(`"${text}" is not an MM-DD day of ${year}`);
  return day;
}
