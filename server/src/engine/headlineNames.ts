import functionWords from './data/functionWords.json';
import titles from './data/titles.json';
import type { NameRun } from './names';
import { withoutOpeningWord } from './sentenceOpeners';
import { isCapitalized, tokenize, type Token } from './tokens';
import { WordEvidence } from './wordEvidence';

interface Range {
  start: number;
  end: number;
}

const FUNCTION_WORDS = new Set([...functionWords.words, ...functionWords.calendar]);
const PARTICLES = new Set(titles.nameParticles);
const CONTRACTION = /['’](?:t|re|ve|ll|d|m)$/iu;
const LONGEST_HEADLINE = 300;
const LOWERCASE_WORD = /(?:^|[\s(“"‘])(\p{Ll}[\p{L}\p{M}]*)(?=[\s,.;:!?)”"’']|$)/gu;

/**
 * Title-case lines ("Obama Sees 'Personal Insult' if Blacks Don't Rally for Hillary Clinton")
 * capitalise every word, so a run of capitals there is no name: it is cut down to the words the
 * article writes as names elsewhere ("Obama", "Hillary Clinton"). Runs elsewhere pass unchanged.
 */
export class HeadlineNames {
  private readonly lines: Range[];
  readonly evidence: WordEvidence;

  constructor(text: string) {
    const candidates = titleCaseLines(text);
    this.evidence = new WordEvidence(text, candidates);
    // A line of names ("Julie Hirschfeld Davis reported from Midway Atoll") is capitalised throughout
    // too; a headline also capitalises words the article writes in lowercase.
    this.lines = candidates.filter((line) => tokenize(text, line.start, line.end).slice(1).some((token) => isCapitalized(token.text) && this.evidence.isCommonWord(token.text)));
  }

  refine(runs: readonly NameRun[], text: string): NameRun[] {
    const refined: NameRun[] = [];
    for (const run of runs) {
      if (this.inTitleCaseLine(run.start)) refined.push(...this.namesInside(run, text));
      else {
        const trimmed = withoutOpeningWord(run, this.evidence, text);
        if (trimmed) refined.push(trimmed);
      }
    }
    return refined;
  }

  private inTitleCaseLine(at: number): boolean {
    return this.lines.some((line) => line.start <= at && at < line.end);
  }

  private namesInside(run: NameRun, text: string): NameRun[] {
    const found: NameRun[] = [];
    let members: Token[] = [];
    const close = (): void => {
      while (members.length > 0 && !isCapitalized((members[members.length - 1] as Token).text)) members.pop();
      if (members.length > 0) found.push(subRun(run, members, text));
      members = [];
    };
    for (const token of run.tokens) {
      const word = token.text;
      if (CONTRACTION.test(word) || FUNCTION_WORDS.has(word.toLowerCase())) close();
      else if (!isCapitalized(word)) {
        if (members.length > 0 && PARTICLES.has(word)) members.push(token);
        else close();
      } else if (this.evidence.isNameWord(word)) members.push(token);
      else close();
    }
    close();
    return found;
  }
}

function subRun(run: NameRun, members: Token[], text: string): NameRun {
  const first = members[0] as Token;
  const last = members[members.length - 1] as Token;
  const lastOfRun = run.tokens[run.tokens.length - 1];
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: members,
    possessive: run.possessive && last === lastOfRun,
    sentenceInitial: run.sentenceInitial && first === run.tokens[0],
  };
}

/** Lines, such as headlines, whose content words are (nearly) all capitalised. */
function titleCaseLines(text: string): Range[] {
  const lines: Range[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start <= LONGEST_HEADLINE && !hasLowercaseContentWord(text.slice(start, end)) && isTitleCase(tokenize(text, start, end))) lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

/** A cheap first test: most lines have a lowercase word that is not a function word. */
function hasLowercaseContentWord(line: string): boolean {
  LOWERCASE_WORD.lastIndex = 0;
  for (let match = LOWERCASE_WORD.exec(line); match !== null; match = LOWERCASE_WORD.exec(line)) {
    if (!FUNCTION_WORDS.has(match[1] as string)) return true;
  }
  return false;
}

function isTitleCase(tokens: readonly Token[]): boolean {
  const content = tokens.slice(1).filter((token) => /^\p{L}/u.test(token.text) && !FUNCTION_WORDS.has(token.text.toLowerCase()));
  if (content.length < 3) return false;
  const capitalised = content.filter((token) => isCapitalized(token.text)).length;
  return capitalised === content.length;
}
