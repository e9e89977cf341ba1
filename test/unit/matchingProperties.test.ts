import assert from 'node:assert/strict';
import fc from 'fast-check';
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
