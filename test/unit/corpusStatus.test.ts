import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import type { CorpusStatusParams } from '../../common/protocol';
import { ArticleAnalyzer } from '../../server/src/corpus/articleAnalysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { CorpusStatusReporter } from '../../server/src/features/corpusStatus';

const LIMIT = 1_000_000;
const TEXTS = ['"We will win," Smith said.', 'No quotes here.', '“One,” she said. “Two,” he said.', '', '\u0000binary'];

/** Adds the corpus up the slow way: what the reported totals must always equal. */
function recounted(corpus: Corpus): Pick<CorpusStatusParams, 'articles' | 'skipped' | 'quotes'> {
  const all = [...corpus.all()];
  return {
    articles: all.length,
    skipped: all.filter((article) => article.analysis === null).length,
    quotes: all.reduce((sum, article) => sum + (article.analysis?.quotes.length ?? 0), 0),
  };
}

describe('corpus status', () => {
  it('keeps its totals equal to adding the corpus up, through additions, replacements and deletions', () => {
    const corpus = new Corpus();
    const analyzer = new ArticleAnalyzer(null);
    const set = (uri: string, text: string): void => void corpus.set(uri, text, 'disk', 0, analyzer.analyse(uri, text, LIMIT));
    set('file:///before.txt', TEXTS[0] as string);
    const connection = { sendNotification: async () => undefined } as unknown as Connection;
    const reporter = new CorpusStatusReporter(connection, corpus, { speakers: () => 0, linkedQuotes: () => 0, counting: () => false, revision: () => 7 });
    const check = (step: string): void => {
      const { articles, skipped, quotes } = reporter.current();
      assert.deepEqual({ articles, skipped, quotes }, recounted(corpus), step);
    };
    check('an article there before the reporter');
    for (let step = 0; step < 40; step++) {
      const uri = `file:///a${step % 7}.txt`;
      if (step % 5 === 4) corpus.delete(uri);
      else set(uri, TEXTS[step % TEXTS.length] as string);
      check(`step ${step}`);
    }
    const { quotes, skipped, countedRevision } = reporter.current();
    assert.ok(quotes > 0 && skipped > 0, 'the steps covered quotes and skipped files');
    assert.equal(countedRevision, 7, 'the revision of the counts is passed on');
  });
});
