import calendarNames from './data/calendarNames.json';
import functionWords from './data/functionWords.json';

const HOLIDAYS = new Set(calendarNames.holidays.map((name) => name.toLowerCase()));
const PERIOD_WORDS = new Set(calendarNames.periodWords);
const CALENDAR = new Set(functionWords.calendar);

/** "Labor Day", "Christmas Eve", "Ramadan", "Friday", "September": a date or a holiday, never somebody who speaks. */
export function isCalendarName(name: string): boolean {
  const words = name.replace(/['’]s$/u, '').split(/\s+/).filter((word) => word !== '');
  const last = words[words.length - 1] ?? '';
  if (HOLIDAYS.has(words.join(' ').toLowerCase())) return true;
  if (words.length === 1) return CALENDAR.has(last.toLowerCase());
  return PERIOD_WORDS.has(last) || words.every((word) => CALENDAR.has(word.toLowerCase()));
}
