import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildClusters, type ClusterSource } from '../../server/src/corpus/matching/clusters';
import type { ClusterParaphrase, Paraphrase } from '../../server/src/corpus/matching/types';

interface Member {
  articleId: string;
  quoteId: string;
  paraphrases: Paraphrase[];
}

const SPOKEN = 'we will never stand for this kind of thing again';

/** One cluster: every member quotes the same words, so every member matches every other exactly. */
function sourceOf(members: readonly Member[]): ClusterSource {
  const byArticle = new Map<string, Member[]>();
  for (const member of members) byArticle.set(member.articleId, [...(byArticle.get(member.articleId) ?? []), member]);
  const find = (articleId: string, quoteId: string): Member | undefined => byArticle.get(articleId)?.find((member) => member.quoteId === quoteId);
  return {
    articleIds: () => [...byArticle.keys()],
    quotesOf: (articleId) => (byArticle.get(articleId) ?? []).map((member, index) => ({ id: member.quoteId, start: index * 100, end: index * 100 + SPOKEN.length })),
    quoteSpan: (articleId, quoteId) => {
      const index = (byArticle.get(articleId) ?? []).findIndex((member) => member.quoteId === quoteId);
      return { start: index * 100, end: index * 100 + SPOKEN.length, text: SPOKEN };
    },
    comparableText: () => SPOKEN,
    matchKey: (articleId, quoteId) => `${articleId}#${quoteId}`,
    matchesOf: (articleId, quoteId) =>
      members
        .filter((other) => other.articleId !== articleId || other.quoteId !== quoteId)
        .map((other) => {
          const span = { start: 0, end: SPOKEN.length, text: SPOKEN };
          return { kind: 'exact' as const, articleId: other.articleId, quoteId: other.quoteId, quote: span, excerpt: span, ownExcerpt: span, sharedWords: 10 };
        }),
    paraphrasesOf: (articleId, quoteId) => find(articleId, quoteId)?.paraphrases ?? [],
  };
}

/**
 * The selection as first written: each restatement is compared with every one kept so far. Of
 * overlapping restatements in one article the best scored stays, on equal scores the one of the
 * quote that sorts first.
 */
function paraphrasesByScanningAll(members: readonly Member[]): ClusterParaphrase[] {
  const ordered = [...members].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  const best = new Map<string, ClusterParaphrase>();
  for (const member of ordered) {
    for (const paraphrase of member.paraphrases) {
      const found: ClusterParaphrase = { ...paraphrase, quoteArticleId: member.articleId, quoteId: member.quoteId };
      const overlapping = [...best.entries()].find(([, kept]) => kept.articleId === found.articleId && kept.start < found.end && found.start < kept.end);
      if (overlapping) {
        const kept = overlapping[1];
        const better = found.score !== kept.score ? found.score > kept.score : `${found.quoteArticleId}\u0000${found.quoteId}` < `${kept.quoteArticleId}\u0000${kept.quoteId}`;
        if (!better) continue;
        best.delete(overlapping[0]);
      }
      best.set(`${found.articleId}\u0000${found.start}`, found);
    }
  }
  return [...best.values()].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) || a.start - b.start);
}

const paraphrase = fc.record({
  article: fc.integer({ min: 0, max: 4 }),
  start: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 1, max: 15 }),
  score: fc.constantFrom(0.5, 0.6, 0.7),
});

const members = fc
  .array(fc.record({ article: fc.integer({ min: 0, max: 5 }), paraphrases: fc.array(paraphrase, { maxLength: 8 }) }), { minLength: 2, maxLength: 10 })
  .map((drafts) =>
    drafts.map(({ article, paraphrases }, index): Member => ({
      articleId: `file:///a/${article}.txt`,
      quoteId: `q${index}`,
      paraphrases: paraphrases.map(({ article: restated, start, length, score }) => ({
        articleId: `file:///r/${restated}.txt`,
        start,
        end: start + length,
        text: 'x'.repeat(length),
        score,
        sharedWords: 4,
        quoteExcerpt: { start: 0, end: 4, text: 'will' },
      })),
    })),
  );

describe('restatements of a cluster', () => {
  it('are chosen as comparing each with every one kept would choose them: the best of overlapping ones per article', () => {
    let overlapsSeen = 0;
    fc.assert(
      fc.property(members, (drawn) => {
        const [cluster] = buildClusters(sourceOf(drawn));
        const expected = paraphrasesByScanningAll(drawn);
        assert.deepStrictEqual(cluster?.paraphrases ?? [], expected);
        const found = drawn.reduce((count, member) => count + member.paraphrases.length, 0);
        if (expected.length < found) overlapsSeen++;
      }),
      { numRuns: 300, seed: 20_261_207 },
    );
    assert.ok(overlapsSeen > 100, `overlapping restatements were drawn (${overlapsSeen} runs)`);
  });
});
