import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine';

const FIRST_NAMES = ['Alice', 'Brian', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Ines', 'Jamal', 'Katrin', 'Luis', 'Maya', 'Nikolai', 'Olga', 'Pedro', 'Quentin', 'Rosa', 'Samir', 'Tamsin', 'Umar', 'Vera', 'Walter', 'Yusuf', 'Zora'];
const LAST_NAMES = ['Abernathy', 'Bergstrom', 'Castellano', 'Dubois', 'Eriksen', 'Fontaine', 'Gallagher', 'Hartmann', 'Iglesias', 'Janssen', 'Kowalczyk', 'Lindqvist', 'Moreau', 'Novak', 'Okonkwo', 'Petrov', 'Quinlan', 'Rasmussen', 'Santoro', 'Takahashi', 'Underwood', 'Vasquez', 'Whitfield', 'Yamamoto', 'Zielinski'];

/** A seeded pseudo-random source (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

interface PersonName {
  full: string;
  last: string;
}

/** The seeds' paragraphs and the people named in them, the material every generated article is cut from. */
export interface SeedMaterial {
  paragraphs: string[];
  people: PersonName[];
}

export function loadSeedMaterial(seedsDir: string): SeedMaterial {
  const texts = readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(join(seedsDir, file), 'utf8'));
  const paragraphs = texts.flatMap((text) => text.split(/\n\s*\n/).map((paragraph) => paragraph.trim())).filter((paragraph) => paragraph.length > 0);
  const people = new Map<string, PersonName>();
  for (const text of texts) {
    for (const speaker of analyze(text).speakers) {
      const words = speaker.name.split(/\s+/);
      if (speaker.kind !== 'person' || words.length < 2) continue;
      people.set(speaker.name, { full: speaker.name, last: words[words.length - 1] as string });
    }
  }
  // Longest first, so "Qasem Soleimani" is replaced before "Soleimani".
  return { paragraphs, people: [...people.values()].sort((a, b) => b.full.length - a.full.length) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One article: paragraphs drawn from the seeds (so quotes recur across articles), with some
 * of the people renamed consistently within the article, so names vary as in a real archive.
 */
export function generateArticle(material: SeedMaterial, random: () => number, paragraphCount: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chosen = Array.from({ length: paragraphCount }, () => pick(material.paragraphs));
  const renames = new Map<string, string>();
  for (const person of material.people) {
    if (random() < 0.5) renames.set(person.full, `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
  }
  let text = chosen.join('\n\n');
  for (const [from, to] of renames) {
    const last = from.split(/\s+/).pop() as string;
    text = text.replace(new RegExp(`\\b${escapeRegExp(from)}\\b`, 'g'), to);
    text = text.replace(new RegExp(`\\b${escapeRegExp(last)}\\b`, 'g'), to.split(' ').pop() as string);
  }
  return `${text}\n`;
}

/** Writes `count` articles to `<dir>/articles/`; returns the total size in bytes. */
export function writeCorpus(dir: string, material: SeedMaterial, count: number, seed: number): number {
  const random = seededRandom(seed);
  const articles = join(dir, 'articles');
  mkdirSync(articles, { recursive: true });
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const text = generateArticle(material, random, 5 + Math.floor(random() * 12));
    writeFileSync(join(articles, `article-${String(index).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** One long article of at least `minBytes`, for keystroke latency. */
export function longArticle(material: SeedMaterial, minBytes: number, seed: number): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < minBytes) {
    const part = generateArticle(material, random, 10);
    parts.push(part.trimEnd());
    length += part.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}
