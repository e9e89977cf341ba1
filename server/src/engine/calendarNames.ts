import calendarNames from './data/calendarNames.json';
import functionWords from './data/functionWords.json';

const HOLIDAYS = new Set(calendarNames.holidays.map((name) => name.toLowerCase()));
const PERIOD_WORDS = new Set(calendarNames.periodWords);
const CALENDAR = new Set(functionWords.calendar);

/** "Labor Day", "Christmas Eve", "Ramadan", "Friday", "September": a date or a holiday, never somebody who speaks. */
export function isCalendarName(name: string): boolean {
  const bare = name.endsWith("'s") || name.endsWith('’s') ? name.slice(0, -2) : name;
  const space = bare.lastIndexOf(' ');
  const last = bare.slice(space + 1);
  if (space < 0) return CALENDAR.has(last.toLowerCase()) || HOLIDAYS.has(last.toLowerCase());
  if (PERIOD_WORDS.has(last)) return true;
  const lower = bare.toLowerCase();
  return HOLIDAYS.has(lower) || lower.split(/\s+/).every((word) => CALENDAR.has(word));
}
