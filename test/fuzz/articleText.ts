import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * Text that is hard on an analyser: pieces of news prose (names, outlets, cues, quote marks) mixed
 * with what real files carry by accident or malice: surrogate pairs and lone surrogates, combining
 * marks, right-to-left runs and bidi overrides, NUL and other controls, every kind of line break,
 * Markdown, HTML and command URIs.
 */
const NEWS_PIECES = [
  'said', ' said.', 'says', 'told', 'according to', 'reported', 'added', 'warned', 'wrote in a statement',
  'President Donald Trump', 'Trump', 'Mr. Biden', 'Sen. Elizabeth Warren', 'she', 'he', 'they', 'officials',
  'Reuters', 'The New York Times', 'CNN', 'Fox News', 'the Associated Press', 'BBC', 'Al Jazeera',
  'the Pentagon', 'a spokesperson', 'Agnès Dupont-Léger', 'Ahmed al-Sharif', 'O’Neill', 'Zoë',
  '“', '”', '‘', '’', '"', "'", '«', '»', '„', '‚', '‹', '›', '「', '」', '``', "''",
  '. ', ', ', ': ', ' — ', ' – ', '…', '...', '(', ')', '[', ']', 'U.S.', 'No. 2',
  ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\u2028', '\u2029', '\f', '\v',
];

const HOSTILE_PIECES = [
  '😀', '👩‍👩‍👧', '🇺🇸', '𝒜', '\uD83D', '\uDE00', '\uDE00\uD83D', 'e\u0301', 'n\u0303\u0303\u0303', '\u0301',
  'مرحبا', 'שלום', '\u202E', '\u202D', '\u2066', '\u200F', '\u200B', '\u200D', '\uFEFF', '\uFFFD', '\uFFFF',
  '\u0000', '\u0001', '\u001B[31m', '\u007F', '\u0085',
  '[link](https://evil.example)', '[x](command:workbench.action.terminal.new)', 'command:evil', '![img](x.png)',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&lt;', '&amp;', '`code`', '```', '$(alert)', '$(zap)',
  '**', '__', '~~', '#', '> ', '- ', '|', '\\', '{', '}', '%', 'ｆｕｌｌｗｉｄｔｈ', 'İ', 'ß', 'ﬁ',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NEWS_PIECES) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('Washington', 'Tehran', 'Boston', 'Monday', 'Jan. 3', 'Iran', 'NATO') },
);

/** Random article-like Unicode text, a few hundred code units at most. */
export const hostileText: fc.Arbitrary<string> = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

/** One line of `length` code units or more, with a quote or two in it. */
export const longLine: fc.Arbitrary<string> = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.integer({ min: 5_000, max: 40_000 }))
  .map(([pieces, length]) => {
    const unit = pieces.join('').replace(/[\r\n\u2028\u2029]/g, ' ') || 'x';
    return unit.repeat(Math.ceil(length / unit.length));
  });

/** The sample articles shipped in seeds/ (a copy of the shared seeds). */
export function loadSeeds(repoRoot: string): string[] {
  const dir = join(repoRoot, 'seeds');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swapQuoteMarks'; curly: boolean }
  | { kind: 'lineEnds'; ending: '\r\n' | '\r' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapQuoteMarks' as const), curly: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lineEnds' as const), ending: fc.constantFrom('\r\n' as const, '\r' as const) }) },
);

function mutate(text: string, change: Mutation): string {
  const at = 'at' in change ? change.at % (text.length + 1) : 0;
  switch (change.kind) {
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at + change.length);
    case 'swapQuoteMarks':
      return change.curly ? text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'") : text.replace(/"/g, '”').replace(/“/g, '"');
    case 'lineEnds':
      return text.replace(/\r?\n/g, change.ending);
  }
}

/**
 * A window of a seed article (up to `maxWindow` code units, so each case stays fast) with a few
 * random mutations: hostile insertions that may land inside a surrogate pair or a quote, deletions,
 * duplications, swapped quote styles and other line ends.
 */
export function mutatedSeed(seeds: readonly string[], maxWindow = 1_000): fc.Arbitrary<string> {
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      from: fc.nat(),
      length: fc.integer({ min: 0, max: maxWindow }),
      mutations: fc.array(mutation, { maxLength: 6 }),
    })
    .map(({ seed, from, length, mutations }) => {
      const source = seeds[seed]!;
      const start = from % (source.length + 1);
      return mutations.reduce(mutate, source.slice(start, start + length));
    });
}
