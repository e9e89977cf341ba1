import assert from 'node:assert/strict';
import { seededRandom } from '../../scripts/bench/corpusGenerator';
import { ArticleAnalyzer } from '../../server/src/corpus/articleAnalysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { CorpusLinks } from '../../server/src/corpus/corpusLinks';
import { QUOTE_MAP_MAX_ARTICLES, QUOTE_MAP_MAX_QUOTES, quoteMap } from '../../server/src/features/quoteMap';

const ARTICLES = 70;
const QUOTES_PER_ARTICLE = 8;
/** Quotes each carried by two neighbouring articles: more rows than the map shows. */
const PAIRED_QUOTES = (ARTICLES * QUOTES_PER_ARTICLE) / 2;
const WIDE = { text: 'nothing about this agreement was ever going to be simple for anyone involved', carriers: 40 };
const WIDER_THAN_PAIRS = { text: 'we expect every single ministry to publish the figures before the winter session', carriers: 10 };

/** Made-up words, so that no two generated quotes share a run of real ones. */
function pseudoQuote(random: () => number): string {
  const syllables = ['ka', 'lo', 'mir', 'ten', 'vus', 'pa', 'dre', 'sol', 'ni', 'gor', 'be', 'tu', 'fam', 'ris', 'ol'];
  const word = (): string => Array.from({ length: 2 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
  return Array.from({ length: 10 }, word).join(' ');
}

function articleText(index: number, paired: readonly string[]): string {
  const quotes = Array.from({ length: QUOTES_PER_ARTICLE }, (_, k) => paired[(index * (QUOTES_PER_ARTICLE / 2) + k) % PAIRED_QUOTES] as string);
  // The widely carried quotes stand in the last files, so that file order alone would not choose their articles.
  if (index >= ARTICLES - WIDE.carriers) quotes.push(WIDE.text);
  if (index >= ARTICLES - WIDER_THAN_PAIRS.carriers) quotes.push(WIDER_THAN_PAIRS.text);
  const paragraphs = quotes.map((quote) => `"${quote.charAt(0).toUpperCase()}${quote.slice(1)}," Maria Lopez said on Tuesday.`);
  return `Report number ${index}\n\n${paragraphs.join('\n\n')}\n`;
}

describe('the quote map of a corpus too large to show whole', function () {
  this.timeout(60_000);
  const uri = (index: number): string => `file:///archive/article-${String(index).padStart(3, '0')}.txt`;
  let corpus: Corpus;
  let links: CorpusLinks;

  before(async () => {
    const random = seededRandom(7);
    const paired = Array.from({ length: PAIRED_QUOTES }, () => pseudoQuote(random));
    const analyzer = new ArticleAnalyzer(null);
    corpus = new Corpus();
    links = new CorpusLinks(corpus, 0);
    for (let index = 0; index < ARTICLES; index++) {
      const text = articleText(index, paired);
      corpus.set(uri(index), text, 'disk', 0, await analyzer.analyseInBackground(uri(index), text, 1_000_000));
    }
  });

  it('shows the most widely carried quotes first, and says how many there are in all', async () => {
    const map = await quoteMap(corpus, links);
    assert.ok(map.totalQuotes > QUOTE_MAP_MAX_QUOTES, `only ${map.totalQuotes} shared quotes were generated`);
    assert.equal(map.quotes.length, QUOTE_MAP_MAX_QUOTES);
    assert.deepEqual(
      map.quotes.slice(0, 2).map((row) => [row.text.toLowerCase().replace(/,$/, ''), row.articles]),
      [
        [WIDE.text, WIDE.carriers],
        [WIDER_THAN_PAIRS.text, WIDER_THAN_PAIRS.carriers],
      ],
    );
    assert.ok(map.quotes.slice(2).every((row) => row.articles === 2), 'a paired quote is carried by two articles');
  });

  it('shows the articles that carry the most rows, in file order, and says how many carry one', async () => {
    const map = await quoteMap(corpus, links);
    assert.equal(map.totalArticles, ARTICLES);
    assert.equal(map.articles.length, QUOTE_MAP_MAX_ARTICLES);
    const shown = map.articles.map((article) => article.uri);
    assert.deepEqual(shown, [...shown].sort());
    // Rows carried per article, from the cells of the rows shown, hidden articles included: recount from the corpus.
    const rowTexts = new Set(map.quotes.map((row) => row.text.toLowerCase()));
    const carried = (index: number): number => new Set((corpus.get(uri(index))?.analysis?.quotes ?? []).map((quote) => quote.text.toLowerCase()).filter((text) => rowTexts.has(text))).size;
    const hidden = Array.from({ length: ARTICLES }, (_, index) => index).filter((index) => !shown.includes(uri(index)));
    const fewestShown = Math.min(...shown.map((shownUri) => carried(Number(/(\d+)\.txt$/.exec(shownUri)![1]))));
    const mostHidden = Math.max(...hidden.map(carried));
    assert.ok(fewestShown >= mostHidden, `a shown article carries ${fewestShown} rows, a hidden one ${mostHidden}`);
  });

  it('gives cells only in shown columns, each where its quote stands', async () => {
    const map = await quoteMap(corpus, links);
    const wide = map.quotes[0]!;
    const wideColumns = map.articles.flatMap((article, column) => (Number(/(\d+)\.txt$/.exec(article.uri)![1]) >= ARTICLES - WIDE.carriers ? [column] : []));
    assert.deepEqual(wide.cells.map((cell) => cell.article).sort((a, b) => a - b), wideColumns);
    for (const row of map.quotes) {
      for (const cell of row.cells) {
        const article = map.articles[cell.article];
        assert.ok(article, `row ${row.id} has a cell in column ${cell.article}`);
        const line = corpus.get(article.uri)!.text.split('\n')[cell.range.start.line]!;
        assert.equal(line.slice(cell.range.start.character, cell.range.end.character), cell.text);
      }
    }
  });
});
