import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeMatcherSnapshot, encodeMatcherSnapshot } from '../../server/src/corpus/matching/matcherSnapshot';
import { prepareArticle } from '../../server/src/corpus/matching/preparedArticle';
import { QuoteMatcher } from '../../server/src/corpus/matching/quoteMatcher';
import type { QuoteInput } from '../../server/src/corpus/matching/types';

interface Article {
  id: string;
  text: string;
  quotes: QuoteInput[];
}

// A small vocabulary, so that random quotes often share words, runs and whole sequences.
const WORD = fc.constantFrom('iran', 'war', 'never', 'won', 'a', 'the', 'harsh', 'retaliation', 'peace', 'Lost', 'U.S.', '[he]', '…', 'Agnès');
const PIECE = fc.record({ quoted: fc.boolean(), words: fc.array(WORD, { minLength: 1, maxLength: 9 }) });
// Quotes copied between articles make sure the corpus has exact and partial matches to find.
const SHARED = fc.array(fc.array(WORD, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 3 });

function article(id: string, pieces: readonly { quoted: boolean; words: string[] }[]): Article {
  let text = '';
  const quotes: QuoteInput[] = [];
  for (const piece of pieces) {
    const words = piece.words.join(' ');
    if (piece.quoted) {
      text += ' “';
      quotes.push({ id: `q${quotes.length + 1}`, start: text.length, end: text.length + words.length });
      text += `${words}” said one.`;
    } else text += ` ${words}.`;
  }
  return { id, text, quotes };
}

const CORPUS = fc
  .tuple(SHARED, fc.array(fc.array(fc.tuple(PIECE, fc.nat(3)), { maxLength: 6 }), { minLength: 1, maxLength: 6 }))
  .map(([shared, articles]) =>
    articles.map((pieces, index) =>
      article(
        `article-${index}`,
        pieces.map(([piece, pick]) => (pick < shared.length && piece.quoted ? { quoted: true, words: shared[pick] ?? piece.words } : piece)),
      ),
    ),
  );

function load(articles: readonly Article[]): QuoteMatcher {
  const matcher = new QuoteMatcher();
  for (const { id, text, quotes } of articles) matcher.setArticle(id, text, quotes);
  return matcher;
}

describe('quote matching properties', () => {
  it('builds the same clusters whatever order the articles are added in', () => {
    fc.assert(
      fc.property(
        CORPUS.chain((articles) => fc.tuple(fc.constant(articles), fc.shuffledSubarray(articles, { minLength: articles.length, maxLength: articles.length }))),
        ([articles, shuffled]) => {
          assert.deepEqual(load(shuffled).clusters(), load(articles).clusters());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds every match from both sides, with the same kind', () => {
    const seen = { exact: 0, partial: 0 };
    fc.assert(
      fc.property(CORPUS, (articles) => {
        const matcher = load(articles);
        for (const { id, quotes } of articles) {
          for (const quote of quotes) {
            for (const match of matcher.matchesOf(id, quote.id)) {
              seen[match.kind] += 1;
              const back = matcher.matchesOf(match.articleId, match.quoteId).find((other) => other.articleId === id && other.quoteId === quote.id);
              assert.equal(back?.kind, match.kind, `${id}/${quote.id} -> ${match.articleId}/${match.quoteId}`);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    // The generated corpora must hold matches of both kinds, or the property says nothing.
    assert.ok(seen.exact > 0 && seen.partial > 0, JSON.stringify(seen));
  });

  it('says another article carries a quote exactly when one of its matches is in another article', () => {
    const seen = { carried: 0, notCarried: 0 };
    fc.assert(
      fc.property(CORPUS, (articles) => {
        const matcher = load(articles);
        for (const { id, quotes } of articles) {
          for (const quote of quotes) {
            const expected = matcher.matchesOf(id, quote.id).some((match) => match.articleId !== id);
            seen[expected ? 'carried' : 'notCarried'] += 1;
            assert.equal(matcher.carriedElsewhere(id, quote.id, false), expected, `${id}/${quote.id}`);
            assert.equal(matcher.carriedElsewhere(id, quote.id), expected, `${id}/${quote.id}, remembered`);
          }
        }
      }),
      { numRuns: 150 },
    );
    assert.ok(seen.carried > 0 && seen.notCarried > 0, JSON.stringify(seen));
  });

  it('answers after articles are set again and again (most of their quotes unchanged) as a matcher given only the last versions', () => {
    // An edit puts a random piece, or a copy of a quote of the corpus, into an article.
    const EDIT = fc.tuple(fc.nat(), fc.nat(), fc.oneof(PIECE, fc.tuple(fc.nat(), fc.nat())));
    const seen = { inEdited: 0 };
    fc.assert(
      fc.property(CORPUS, fc.array(EDIT, { minLength: 1, maxLength: 12 }), (articles, edits) => {
        const matcher = load(articles);
        const latest = new Map(articles.map((article) => [article.id, article]));
        const pieces = new Map(articles.map((article) => [article.id, [] as { quoted: boolean; words: string[] }[]]));
        const edited = new Set<string>();
        for (const [which, at, change] of edits) {
          const id = (articles[which % articles.length] as Article).id;
          let piece: { quoted: boolean; words: string[] };
          if (Array.isArray(change)) {
            const source = articles[change[0] % articles.length] as Article;
            const quote = source.quotes[change[1] % Math.max(1, source.quotes.length)];
            piece = quote ? { quoted: true, words: source.text.slice(quote.start, quote.end).split(' ') } : { quoted: false, words: ['war'] };
          } else piece = change;
          // Like typing: one piece of an article replaced or added, the rest as it was.
          const own = pieces.get(id) as { quoted: boolean; words: string[] }[];
          if (own.length === 0 || at % 3 === 0) own.push(piece);
          else own[at % own.length] = piece;
          const next = article(id, own);
          latest.set(id, next);
          edited.add(id);
          matcher.setArticle(id, next.text, next.quotes);
          // As the tokens of the article being typed in ask after each keystroke: answers and match keys are remembered.
          for (const quote of next.quotes) matcher.carriedElsewhere(id, quote.id);
        }
        const fresh = load([...latest.values()]);
        assert.deepEqual(matcher.clusters(), fresh.clusters());
        for (const { id, quotes } of latest.values()) {
          for (const quote of quotes) {
            const expected = fresh.matchesOf(id, quote.id);
            if (expected.some((match) => edited.has(match.articleId) && match.articleId !== id)) seen.inEdited += 1;
            assert.deepEqual(matcher.matchesOf(id, quote.id), expected);
            assert.deepEqual(matcher.paraphrasesOf(id, quote.id), fresh.paraphrasesOf(id, quote.id));
            assert.equal(matcher.carriedElsewhere(id, quote.id, false), fresh.carriedElsewhere(id, quote.id, false));
            assert.equal(matcher.carriedElsewhere(id, quote.id), fresh.carriedElsewhere(id, quote.id, false), `${id}/${quote.id}, remembered`);
          }
        }
      }),
      { numRuns: 200 },
    );
    assert.ok(seen.inEdited > 50, `only ${seen.inEdited} matches in edited articles: the property says little`);
  });

  it('restored from a snapshot, answers once its articles are set again as a matcher given only them', () => {
    const fingerprint = ({ text, quotes }: Article): string => `${text}|${JSON.stringify(quotes)}`;
    const setAll = (matcher: QuoteMatcher, articles: readonly Article[]): void => {
      for (const article of articles) matcher.setArticle(article.id, article.text, article.quotes, null, fingerprint(article));
    };
    // As a warm start sets them: quotes read only if the matcher needs them, with the input prepared for them.
    const read = new Set<string>();
    const setLater = (matcher: QuoteMatcher, articles: readonly Article[]): void => {
      for (const article of articles) {
        const quotes = { count: article.quotes.length, read: () => (read.add(article.id), article.quotes) };
        matcher.setArticle(article.id, article.text, quotes, prepareArticle(article.text, article.quotes), fingerprint(article));
      }
    };
    // The same words but one: every array the matcher keeps of the article has the same length as before.
    const reworded = (article: Article): Article => ({ ...article, text: article.text.replace(/\bwar\b|\bwon\b/, (word) => (word === 'war' ? 'won' : 'war')) });
    const seen = { claimed: 0, replaced: 0, reworded: 0, gone: 0, matches: 0 };
    fc.assert(
      fc.property(CORPUS, CORPUS, fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }), (before, others, fates) => {
        // The last session: its corpus, with an article removed and one set again, so that the snapshot holds free or stale slots too.
        const last = new QuoteMatcher();
        setAll(last, [...before, ...others.slice(0, 1).map((article) => ({ ...article, id: 'removed' }))]);
        last.removeArticle('removed');
        if (before.length > 1) setAll(last, [before[0] as Article]);
        const bytes = encodeMatcherSnapshot('build-1', last.snapshot());
        assert.equal(decodeMatcherSnapshot(bytes, 'build-2'), null, 'another build must not restore it');
        const restored = QuoteMatcher.restored(decodeMatcherSnapshot(bytes, 'build-1') as NonNullable<ReturnType<typeof decodeMatcherSnapshot>>) as QuoteMatcher;
        assert.ok(restored, 'a snapshot restores');
        assert.deepEqual(restored.articleIds(), [], 'nothing is answered for before it is claimed');
        // This session: new articles come first (taking free slots), then each old one unchanged, changed, reworded or not at all.
        const now: Article[] = others.slice(1).map((article) => ({ ...article, id: `new-${article.id}` }));
        before.forEach((article, index) => {
          const fate = fates[index % fates.length] ?? 0;
          const other = others[index % others.length] as Article;
          if (fate === 0) now.push(article);
          else if (fate === 1) now.push({ ...other, id: article.id });
          else if (fate === 2) now.push(reworded(article));
          else seen.gone += 1;
        });
        read.clear();
        setLater(restored, now);
        restored.forgetUnclaimed();
        for (const article of now) {
          const claims = before.some((old) => old.id === article.id && fingerprint(old) === fingerprint(article));
          if (claims) seen.claimed += 1;
          assert.equal(read.has(article.id), !claims, `${article.id}'s quotes are read only when it claims no restored record`);
        }
        seen.reworded += now.filter((article) => before.some((old) => old.id === article.id && old.text !== article.text && old.text.length === article.text.length)).length;
        seen.replaced += now.filter((article) => before.some((old) => old.id === article.id && fingerprint(old) !== fingerprint(article))).length;
        const fresh = new QuoteMatcher();
        setAll(fresh, now);
        assert.deepEqual(restored.articleIds().sort(), fresh.articleIds().sort());
        // Nothing of the articles gone is left live in the indexes.
        const live = ({ articles, quotes, pairPostings, passages, wordPostings }: ReturnType<QuoteMatcher['stats']>): number[] => [articles, quotes, pairPostings, passages, wordPostings];
        assert.deepEqual(live(restored.stats()), live(fresh.stats()));
        assert.deepEqual(restored.clusters(), fresh.clusters());
        for (const { id, quotes } of now) {
          for (const quote of quotes) {
            const expected = fresh.matchesOf(id, quote.id);
            seen.matches += expected.length;
            assert.deepEqual(restored.matchesOf(id, quote.id), expected);
            assert.deepEqual(restored.paraphrasesOf(id, quote.id), fresh.paraphrasesOf(id, quote.id));
            assert.equal(restored.carriedElsewhere(id, quote.id), fresh.carriedElsewhere(id, quote.id));
          }
        }
        // And it keeps answering alike as the session goes on.
        const [first] = now;
        if (first) {
          restored.removeArticle(first.id);
          fresh.removeArticle(first.id);
          setAll(restored, others);
          setAll(fresh, others);
          assert.deepEqual(restored.clusters(), fresh.clusters());
        }
      }),
      { numRuns: 200 },
    );
    assert.ok(seen.claimed > 100 && seen.replaced > 30 && seen.reworded > 30 && seen.gone > 30 && seen.matches > 100, JSON.stringify(seen));
  });

  it('answers after removing an article as if it had never been added', () => {
    fc.assert(
      fc.property(CORPUS, fc.nat(), (articles, which) => {
        const removed = articles[which % articles.length] as Article;
        const matcher = load(articles);
        matcher.removeArticle(removed.id);
        const fresh = load(articles.filter((other) => other !== removed));
        assert.deepEqual(matcher.clusters(), fresh.clusters());
        for (const { id, quotes } of articles.filter((other) => other !== removed)) {
          for (const quote of quotes) assert.deepEqual(matcher.matchesOf(id, quote.id), fresh.matchesOf(id, quote.id));
        }
      }),
      { numRuns: 100 },
    );
  });
});
