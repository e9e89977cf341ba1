import { charClass, SPACE } from './charClasses';

/** `/^\s*$/u` over `text[from, to)`, read in place: the stretches between words are tested by the thousand. */
export function onlyWhitespace(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if ((charClass(text.charCodeAt(at)) & SPACE) === 0) return false;
  return true;
}

/** `/^[ \u00a0]+$/u` over `text[from, to)`: one or more plain or no-break spaces, and nothing else. */
export function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0xa0) return false;
  }
  return true;
}
