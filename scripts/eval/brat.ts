import type { Range } from './spans';

/** A brat text-bound annotation (`T1\tCue 10 15;20 25\ttext`); offsets as the file gives them. */
export interface BratTextBound {
  id: string;
  label: string;
  fragments: Range[];
  text: string;
}

/** A brat event (`E1\tAttribution:T4 Cue:T2 Source:T1`): trigger plus role -> annotation ids. */
export interface BratEvent {
  id: string;
  type: string;
  trigger: string;
  /** Roles without brat's numeric suffix for repeats (`Content2` -> `Content`), each with its ids. */
  roles: Map<string, string[]>;
}

export interface BratDocument {
  textBounds: Map<string, BratTextBound>;
  events: BratEvent[];
  /** Lines that look like annotations but do not parse, with their line numbers. */
  problems: string[];
}

/** Parses brat standoff; kinds other than T and E (relations, notes, attributes) are ignored. */
export function parseBrat(ann: string): BratDocument {
  const textBounds = new Map<string, BratTextBound>();
  const events: BratEvent[] = [];
  const problems: string[] = [];
  ann.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const [id, body = '', text = ''] = line.split('\t');
    if (id.startsWith('T')) {
      const textBound = parseTextBound(id, body, text);
      if (textBound) textBounds.set(id, textBound);
      else problems.push(`line ${index + 1}: ${line}`);
    } else if (id.startsWith('E')) {
      const event = parseEvent(id, body);
      if (event) events.push(event);
      else problems.push(`line ${index + 1}: ${line}`);
    }
  });
  return { textBounds, events, problems };
}

function parseTextBound(id: string, body: string, text: string): BratTextBound | null {
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
  if (!match) return null;
  const fragments = match[2].split(';').map((pair) => {
    const [start, end] = pair.split(' ').map(Number);
    return { start, end };
  });
  if (fragments.some((fragment) => fragment.end < fragment.start)) return null;
  return { id, label: match[1], fragments, text };
}

function parseEvent(id: string, body: string): BratEvent | null {
  const parts = body.trim().split(/\s+/);
  const [type, trigger] = (parts[0] ?? '').split(':');
  if (!type || !trigger) return null;
  const roles = new Map<string, string[]>();
  for (const part of parts.slice(1)) {
    const [role, target] = part.split(':');
    if (!role || !target) return null;
    const name = role.replace(/\d+$/, '');
    roles.set(name, [...(roles.get(name) ?? []), target]);
  }
  return { id, type, trigger, roles };
}

/** brat counts characters as code points; JavaScript strings count UTF-16 code units. */
export function codePointOffsetsToUtf16(text: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const utf16: number[] = [];
  let unit = 0;
  for (const char of text) {
    utf16.push(unit);
    unit += char.length;
  }
  utf16.push(unit);
  return (offset) => utf16[Math.min(offset, utf16.length - 1)];
}
