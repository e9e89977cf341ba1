import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseWords, QuoteMatcher } from '../../server/src/corpus/matching';
import { analyze } from '../../server/src/engine';
import { hostileText, mutatedSeed } from './articleText';
import type { FuzzCase } from './fuzzCase';
import { assertSpanWellFormed } from './invariants';

interface FuzzArticle {
  id: string;
  text: string;
}

function checkNormalisedWords(text: string, a: number, b: number): void {
  const from = Math.min(a, b) % (text.length + 1);
  const to = Math.min(text.length, from + (Math.max(a, b) % 200));
  const { words, starts, ends, segmentStarts } = normaliseWords(text, from, to);
  assert.equal(starts.length, words.length);
  assert.equal(ends.length, words.length);
  let previousEnd = from;
  words.forEach((word, index) => {
    const start = starts[index]!;
    const end = ends[index]!;
    assert.ok(word.length > 0, `word ${index} is empty`);
    assert.ok(start >= previousEnd && start < end && end <= to, `word ${index} [${start}, ${end}) is outside [${previousEnd}, ${to})`);
    assertSpanWellFormed(text, `word ${index}`, { start, end });
    previousEnd = end;
  });
  const ordered = segmentStarts.every((start, index) => start < words.length && (index === 0 ? start === 0 : start > segmentStarts[index - 1]!));
  assert.ok(ordered, `segments ${JSON.stringify(segmentStarts)}`);
}

/** Loads the articles (quotes found by the engine), drops one, and checks every link the matcher reports; returns how many. */
function checkLinks(articles: readonly FuzzArticle[], removed: number): number {
  const matcher = new QuoteMatcher();
  const texts = new Map(articles.map((article) => [article.id, article.text]));
  for (const { id, text } of articles) matcher.setArticle(id, text, analyze(text).quotes);
  const gone = articles[removed];
  if (gone) {
    matcher.removeArticle(gone.id);
    texts.delete(gone.id);
  }
  const textOf = (id: string): string => {
    const text = texts.get(id);
    assert.ok(text !== undefined, `a link names ${id}, which is not in the corpus`);
    return text;
  };
  let links = 0;
  for (const id of matcher.articleIds()) {
    for (const quote of matcher.quotesOf(id)) {
      for (const match of matcher.matchesOf(id, quote.id)) {
        links += 1;
        assert.ok(match.kind === 'exact' || match.kind === 'partial');
        assertSpanWellFormed(textOf(match.articleId), `match ${match.articleId}/${match.quoteId}`, match.quote);
        assertSpanWellFormed(textOf(match.articleId), `excerpt of ${match.articleId}/${match.quoteId}`, match.excerpt);
        assertSpanWellFormed(textOf(id), `own excerpt of ${id}/${quote.id}`, match.ownExcerpt);
      }
      for (const paraphrase of matcher.paraphrasesOf(id, quote.id)) {
        assert.ok(paraphrase.score >= 0 && paraphrase.score <= 1, `score ${paraphrase.score}`);
        assertSpanWellFormed(textOf(paraphrase.articleId), `paraphrase in ${paraphrase.articleId}`, paraphrase);
        assertSpanWellFormed(textOf(id), `paraphrased part of ${id}/${quote.id}`, paraphrase.quoteExcerpt);
      }
    }
  }
  for (const cluster of matcher.clusters()) {
    for (const occurrence of cluster.occurrences) assertSpanWellFormed(textOf(occurrence.articleId), `cluster ${cluster.id}`, occurrence);
    for (const paraphrase of cluster.paraphrases) assertSpanWellFormed(textOf(paraphrase.articleId), `cluster ${cluster.id} paraphrase`, paraphrase);
  }
  return links;
}

/** Normalised words and every match, paraphrase and cluster point at whole characters of the right article. */
export function matchingCases(seeds: readonly string[]): FuzzCase[] {
  // Articles share a passage (and its quotes) between random prose, so matches exist to check.
  const corpus = fc
    .tuple(mutatedSeed(seeds, 400), fc.array(fc.tuple(hostileText, hostileText), { minLength: 2, maxLength: 4 }))
    .map(([shared, sides]) => sides.map(([before, after], index): FuzzArticle => ({ id: `article-${index}`, text: `${before}\n\n${shared}\n\n${after}` })));
  return [
    {
      name: 'maps the normalised words of random Unicode text back to whole characters, in order',
      unitRuns: 1_000,
      check: (numRuns, seed) => fc.assert(fc.property(hostileText, fc.nat(), fc.nat(), checkNormalisedWords), { numRuns, seed }),
    },
    {
      name: 'links corpora of mutated articles through spans that lie in their articles and match their text',
      unitRuns: 400,
      check: (numRuns, seed) => {
        let links = 0;
        fc.assert(
          fc.property(corpus, fc.nat(4), (articles, removed) => {
            links += checkLinks(articles, removed);
          }),
          { numRuns, seed },
        );
        assert.ok(links > numRuns, `only ${links} matches in ${numRuns} corpora: the property was barely exercised`);
      },
    },
  ];
}
