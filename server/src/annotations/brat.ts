import type { AnnotationKind } from '../../../common/protocol';
import { CodePoints } from './codePoints';
import type { ExportItem } from './exportItems';

/** brat entity types for each kind of item. */
const BRAT_TYPES: Record<AnnotationKind, string> = { speaker: 'Speaker', outlet: 'Outlet', attribution: 'Attribution', quote: 'Quote' };

/** The annotation.conf that makes brat accept (and let overlap) the types Article Lens writes. */
export const BRAT_ANNOTATION_CONF = `# Article Lens: speakers, news outlets, attributions and quotes.
[entities]
${Object.values(BRAT_TYPES).join('\n')}

[relations]
<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
`;

/** A brat text-bound annotation read back: UTF-16 offsets, as everything else in the server. */
export interface BratItem {
  kind: AnnotationKind;
  start: number;
  end: number;
  text: string;
  name: string | null;
}

/**
 * The `.ann` standoff of an article's items: a `T` line per item with code-point offsets (as
 * brat counts them, CR of a CRLF included), split into fragments at line breaks, and an
 * `AnnotatorNotes` line carrying the item's entity or speaker name.
 */
export function toBratAnn(text: string, items: readonly ExportItem[]): string {
  const codePoints = new CodePoints(text);
  const lines: string[] = [];
  let notes = 0;
  items.forEach((item, index) => {
    const fragments = lineFragments(text, item.start, item.end);
    if (fragments.length === 0) return;
    const offsets = fragments.map(({ start, end }) => `${codePoints.fromUtf16(start)} ${codePoints.fromUtf16(end)}`).join(';');
    const id = `T${index + 1}`;
    lines.push(`${id}\t${BRAT_TYPES[item.kind]} ${offsets}\t${fragments.map(({ start, end }) => text.slice(start, end)).join(' ')}`);
    if (item.name !== null) lines.push(`#${++notes}\tAnnotatorNotes ${id}\t${item.name.replace(/[\t\r\n]+/g, ' ')}`);
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Reads a `.ann` file against its text. Lines it cannot use are described in `problems`, never guessed at. */
export function parseBratAnn(text: string, ann: string): { items: BratItem[]; problems: string[] } {
  const codePoints = new CodePoints(text);
  const kinds = new Map(Object.entries(BRAT_TYPES).map(([kind, type]) => [type, kind as AnnotationKind]));
  const entities = new Map<string, BratItem>();
  const problems: string[] = [];
  const notes: { target: string; note: string }[] = [];
  ann.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    const [id = '', middle = '', ...rest] = line.split('\t');
    const where = `line ${index + 1}`;
    if (id.startsWith('T')) {
      const [type = '', ...offsetWords] = middle.split(' ');
      const kind = kinds.get(type);
      if (!kind) {
        problems.push(`${where}: type "${type}" is not one of ${[...kinds.keys()].join(', ')}`);
        return;
      }
      const fragments = offsetWords.join(' ').split(';').map((pair) => pair.trim().split(/\s+/).map(Number));
      if (fragments.some((pair) => pair.length !== 2 || pair.some((value) => !Number.isInteger(value) || value < 0) || pair[0]! > pair[1]!)) {
        problems.push(`${where}: offsets "${offsetWords.join(' ')}" are not start-end pairs`);
        return;
      }
      const ranges = fragments.map(([start, end]) => ({ start: codePoints.toUtf16(start!), end: codePoints.toUtf16(end!) }));
      const expected = ranges.map(({ start, end }) => text.slice(start, end)).join(' ');
      const written = rest.join('\t');
      if (ranges.some(({ end }) => end > text.length) || expected !== written) {
        problems.push(`${where}: the text "${written}" is not what the offsets cover in the article ("${expected}")`);
        return;
      }
      const start = Math.min(...ranges.map((range) => range.start));
      const end = Math.max(...ranges.map((range) => range.end));
      entities.set(id, { kind, start, end, text: text.slice(start, end), name: null });
    } else if (id.startsWith('#') && middle.startsWith('AnnotatorNotes ')) {
      notes.push({ target: middle.slice('AnnotatorNotes '.length).trim(), note: rest.join('\t') });
    } else if (!/^[REAMN*]/.test(id)) {
      problems.push(`${where}: not a brat annotation line`);
    }
  });
  for (const { target, note } of notes) {
    const entity = entities.get(target);
    if (entity) entity.name = note;
  }
  return { items: [...entities.values()], problems };
}

/** The pieces of `[start, end)` between line breaks, with the breaks themselves left out. */
function lineFragments(text: string, start: number, end: number): { start: number; end: number }[] {
  const fragments: { start: number; end: number }[] = [];
  let from = start;
  for (let index = start; index <= end; index++) {
    const atBreak = index < end && (text[index] === '\n' || text[index] === '\r');
    if (index === end || atBreak) {
      if (index > from) fragments.push({ start: from, end: index });
      from = index + 1;
    }
  }
  return fragments;
}
