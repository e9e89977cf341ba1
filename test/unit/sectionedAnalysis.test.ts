import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { loadSeedMaterial, longArticle, seededRandom } from '../../scripts/bench/corpusGenerator';
import { ArticleAnalyzer } from '../../server/src/corpus/articleAnalysis';
import { QuoteMatcher } from '../../server/src/corpus/matching/quoteMatcher';
import { SectionedAnalysis } from '../../server/src/corpus/sectionedAnalysis';
import { analysedText } from '../../server/src/corpus/workers/analysedText';
import { AnalysisPool } from '../../server/src/corpus/workers/analysisPool';
import type { AnalysedText } from '../../server/src/corpus/workers/analysisMessages';
import { analyze, articleSections, joinSections, type Analysis, type Section } from '../../server/src/engine';
import sectioning from '../../server/src/engine/data/sectioning.json';
import { liveHeapBytes } from './support/heapUsed';
import { readable } from './support/matcherInput';
import { plainAnalysis, typingEdit } from './support/typing';

const repoRoot = resolve(__dirname, '../../..');
const material = loadSeedMaterial(join(repoRoot, 'seeds'));
// Twice the length analysed whole, so that it is cut into sections.
const LONG_TEXT = longArticle(material, 2 * sectioning.wholeTextLimit, 11);
const INSERTS = ['x', ' ', '"', '“', '”', '\n\n', ', said John Smith. ', 'Reuters ', ' according to officials', 'The', '.\n\nHe said'];

/** Typing-like edits (insertions and deletions of a few characters), one after another. */
function editedTexts(start: string, count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const texts: string[] = [];
  let text = start;
  for (let edit = 0; edit < count; edit++) {
    text = typingEdit(text, random, INSERTS);
    texts.push(text);
  }
  return texts;
}


function sectionTexts(text: string, sections: readonly Section[]): string[] {
  return sections.map(({ start, end }) => text.slice(start, end));
}

function assertSpansMatchText(text: string, analysis: Analysis): void {
  const spans = [
    ...analysis.quotes.flatMap((quote) => [quote, quote.source, quote.cue]),
    ...analysis.attributions.flatMap((attribution) => [attribution, attribution.mention, attribution.cue]),
    ...analysis.speakers.flatMap((speaker) => speaker.mentions),
    ...analysis.outlets.flatMap((outlet) => outlet.mentions),
  ];
  for (const span of spans) if (span) assert.equal(text.slice(span.start, span.end), span.text);
}

describe('sectioned analysis of long texts', function () {
  this.timeout(240_000);

  it('analyses a text up to the limit whole, as one section', function () {
    const text = LONG_TEXT.slice(0, sectioning.wholeTextLimit);
    assert.deepEqual(articleSections(text), [{ start: 0, end: text.length }]);
  });

  it('cuts a long text into contiguous sections at paragraph starts after closed sentences', function () {
    const sections = articleSections(LONG_TEXT);
    assert.ok(sections.length > 4, `expected several sections, got ${sections.length}`);
    assert.equal(sections[0]?.start, 0);
    assert.equal(sections[sections.length - 1]?.end, LONG_TEXT.length);
    for (const [index, section] of sections.entries()) {
      if (index > 0) assert.equal(section.start, sections[index - 1]?.end);
      assert.ok(section.end - section.start >= sectioning.minSection || index === sections.length - 1, `section ${index} is too short`);
      if (index === 0) continue;
      assert.equal(LONG_TEXT[section.start - 1], '\n', 'a cut is at a line start');
      const before = LONG_TEXT.slice(0, section.start).trimEnd();
      assert.match(before, /[.!?…]["”’')\]]*$/u, 'a cut follows a closed sentence');
    }
  });

  it('cuts a CRLF text before the same lines as its LF version, and leaves it whole under the limit as that one', function () {
    const toCrlf = (text: string): string => text.replace(/\n/g, '\r\n');
    const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length - 1;
    const cuts = (text: string): number[] => articleSections(text).map((section) => lineOf(text, section.start));
    assert.ok(articleSections(LONG_TEXT).length > 4);
    assert.deepEqual(cuts(toCrlf(LONG_TEXT)), cuts(LONG_TEXT));
    const underLimit = toCrlf(LONG_TEXT.slice(0, sectioning.wholeTextLimit));
    assert.ok(underLimit.length > sectioning.wholeTextLimit);
    assert.equal(articleSections(underLimit).length, 1);
  });

  // The cut before a section depends on its first paragraph: an edit there may join it to the section before.
  it('keeps the sections before the edited one and its predecessor as they were', function () {
    const before = sectionTexts(LONG_TEXT, articleSections(LONG_TEXT));
    const random = seededRandom(3);
    for (let edit = 0; edit < 200; edit++) {
      const at = Math.floor(random() * (LONG_TEXT.length / 2));
      const text = `${LONG_TEXT.slice(0, at)}x${LONG_TEXT.slice(at)}`;
      const after = sectionTexts(text, articleSections(text));
      const editedSection = before.findIndex((_, index) => before.slice(0, index + 1).join('').length > at);
      const kept = Math.max(0, editedSection - 1);
      assert.deepEqual(after.slice(0, kept), before.slice(0, kept), `edit at ${at}`);
    }
  });

  it('re-analyses one section when a character is typed inside a paragraph, past its first characters', function () {
    const random = seededRandom(5);
    let text = LONG_TEXT;
    let oneSection = 0;
    let typed = 0;
    for (let edit = 0; edit < 300; edit++) {
      // A place inside a line of words: past its first cutKeyLength characters, before its last (which may close a sentence).
      let at = Math.floor(random() * text.length);
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
      if (lineEnd - lineStart < sectioning.cutKeyLength + 2) continue;
      at = Math.min(Math.max(at, lineStart + sectioning.cutKeyLength), lineEnd - 1);
      const before = new Set(sectionTexts(text, articleSections(text)));
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      typed += 1;
      const changed = sectionTexts(text, articleSections(text)).filter((section) => !before.has(section));
      if (changed.length === 1) oneSection += 1;
    }
    // Never all: a section grown past maxSection is cut by position.
    assert.ok(typed > 200 && oneSection >= 0.97 * typed, `${oneSection} of ${typed} keystrokes re-analysed one section`);
  });

  it('re-analyses one section when a new paragraph is begun between two others, with LF or CRLF line ends', function () {
    for (const [name, long, newline] of [['LF', LONG_TEXT, '\n'], ['CRLF', LONG_TEXT.replace(/\n/g, '\r\n'), '\r\n']] as const) {
      let blankLines = 0;
      let oneSection = 0;
      const before = new Set(sectionTexts(long, articleSections(long)));
      const blank = newline + newline;
      for (let at = long.indexOf(blank); at >= 0; at = long.indexOf(blank, at + 1)) {
        // The first letters typed on the empty line between two paragraphs.
        for (const typed of ['x', 'xy', 'xyz']) {
          const text = `${long.slice(0, at + newline.length)}${typed}${long.slice(at + newline.length)}`;
          blankLines += 1;
          if (sectionTexts(text, articleSections(text)).filter((section) => !before.has(section)).length === 1) oneSection += 1;
        }
      }
      assert.ok(blankLines > 100, `${name}: ${blankLines} places to type`);
      assert.equal(oneSection, blankLines, `${name}: ${oneSection} of ${blankLines} new paragraphs re-analysed one section`);
    }
  });

  it('gives every span of the joined analysis its place in the whole text, and numbers quotes anew', function () {
    const analysis = analyze(LONG_TEXT);
    assertSpansMatchText(LONG_TEXT, analysis);
    assert.deepEqual(
      analysis.quotes.map((quote) => quote.id),
      analysis.quotes.map((_, index) => `q${index + 1}`),
    );
    for (const quote of analysis.quotes) {
      if (quote.attribution === null) continue;
      const attribution = analysis.attributions[quote.attribution];
      assert.ok(attribution, `quote ${quote.id} points at attribution ${quote.attribution}`);
      assert.equal(quote.speaker, attribution.kind === 'speaker' ? attribution.source : quote.speaker);
    }
    const names = analysis.speakers.map((speaker) => `${speaker.kind}:${speaker.name}`);
    assert.equal(new Set(names).size, names.length, 'one speaker per name and kind');
  });

  it('takes a lone surname in a later section for the full name of an earlier one', function () {
    const first = analyze('Hillary Clinton said the plan would work. "We will win," Hillary Clinton said.\n');
    const second = analyze('"It is done," Clinton said on Tuesday.\n');
    const joined = joinSections([
      { offset: 0, analysis: first },
      { offset: 100, analysis: second },
    ]);
    assert.ok(second.quotes[0]?.speaker === 'Clinton', 'the second section alone knows only the surname');
    assert.equal(joined.quotes[joined.quotes.length - 1]?.speaker, 'Hillary Clinton');
    const speaker = joined.speakers.find((candidate) => candidate.name === 'Hillary Clinton');
    assert.ok(speaker?.aliases.includes('Clinton'));
    assert.equal(joined.speakers.filter((candidate) => candidate.name === 'Clinton').length, 0);
  });

  it('joins a section moved to another offset as a fresh copy of it, and leaves earlier joins as they were', function () {
    const first = analyze('Hillary Clinton said the plan would work. "We will win," Hillary Clinton told Reuters.\n');
    const second = analyze('"It is done," Clinton said on Tuesday, according to CNN.\n');
    const fresh = (analysis: Analysis): Analysis => structuredClone(analysis);
    const before = joinSections([
      { offset: 0, analysis: first },
      { offset: 100, analysis: second },
    ]);
    const kept = structuredClone(before);
    // A keystroke in the first section moves the second by one; then it moves back.
    for (const offset of [101, 100]) {
      const joined = joinSections([
        { offset: 0, analysis: first },
        { offset, analysis: second },
      ]);
      const expected = joinSections([
        { offset: 0, analysis: fresh(first) },
        { offset, analysis: fresh(second) },
      ]);
      assert.deepStrictEqual(joined, expected);
      assert.ok(joined.quotes.at(-1)!.start >= offset, 'the second section\'s quote stands after its offset');
    }
    assert.deepStrictEqual(before, kept, 'a later join changed an earlier one');
  });

  it('remembers sections across edits and still gives the plain analysis of the whole text', async function () {
    const sectioned = new SectionedAnalysis(async (text) => analysedText(text, analyze(text)));
    for (const text of editedTexts(LONG_TEXT, 80, 5)) {
      assert.deepEqual(readable(await sectioned.analyse(text, true)), readable(plainAnalysis(text)));
    }
  });

  it('gives the matcher a joined input that matches as the text read whole does, edit after edit', async () => {
    const sectioned = new SectionedAnalysis(async (text) => analysedText(text, analyze(text)));
    const joined = new QuoteMatcher();
    const whole = new QuoteMatcher();
    for (const matcher of [joined, whole]) {
      // Articles that carry the long text's quotes and restate them: material to match.
      material.paragraphs.slice(0, 40).forEach((paragraph, index) => matcher.setArticle(`other-${index}`, paragraph, analyze(paragraph).quotes));
    }
    let matches = 0;
    // Each edit re-analyses one section: the matcher reuses what it looked up of the others.
    for (const text of [LONG_TEXT, ...editedTexts(LONG_TEXT, 3, 7)]) {
      const { analysis, matching } = await sectioned.analyse(text, true);
      assert.ok(articleSections(text).length > 1);
      joined.setArticle('long', text, analysis.quotes, matching);
      whole.setArticle('long', text, analysis.quotes, null);
      for (const quote of analysis.quotes) {
        assert.deepStrictEqual(joined.matchesOf('long', quote.id), whole.matchesOf('long', quote.id));
        assert.deepStrictEqual(joined.paraphrasesOf('long', quote.id), whole.paraphrasesOf('long', quote.id));
        matches += whole.matchesOf('long', quote.id).length;
      }
      assert.deepStrictEqual(joined.clusters(), whole.clusters());
    }
    assert.ok(matches > 0, 'the long text shares quotes with the others');
  });

  // A remembered section keyed by a slice of the document would keep that whole version alive:
  // 89 versions of the 100 KB article (18 MB) were found in the server's heap after 150 keystrokes.
  it('keeps no earlier version of the document alive through the sections it remembers', async function () {
    const empty: AnalysedText = plainAnalysis('');
    const sectioned = new SectionedAnalysis(async () => empty, 100_000_000);
    // Two-byte text (curly quotes), four times the length analysed whole: each version is about 256 KB of heap.
    const long = `${LONG_TEXT}\n\n${LONG_TEXT}`.replaceAll('"', '“');
    // Only the latest version is referenced here, as in an editor.
    let text = editedTexts(long, 1, 13)[0] as string;
    await sectioned.analyse(text, true);
    const before = liveHeapBytes();
    for (let edit = 0; edit < 40; edit++) {
      text = editedTexts(text, 1, 100 + edit)[0] as string;
      await sectioned.analyse(text, true);
    }
    const grown = liveHeapBytes() - before;
    // Forty edited sections of a few kilobytes each are all it should keep; keys sliced from each version kept 6 MB here.
    assert.ok(grown < 2_000_000, `the remembered sections grew the heap by ${(grown / 1e6).toFixed(1)} MB`);
  });

  it('gives the plain analysis when an editor types in a long article analysed by the worker', async function () {
    const pool = new AnalysisPool(join(repoRoot, 'dist', 'analysisWorker.js'), 1);
    const analyzer = new ArticleAnalyzer(pool);
    try {
      for (const text of editedTexts(LONG_TEXT, 40, 9)) {
        const result = await analyzer.analyseInBackground('file:///long.txt', text, 2_000_000, true);
        assert.ok(result.matching);
        assert.deepEqual(readable({ analysis: result.analysis, matching: result.matching }), readable(plainAnalysis(text)));
      }
    } finally {
      await pool.dispose();
    }
  });
});
