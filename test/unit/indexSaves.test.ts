import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ArticleAnalyzer } from '../../server/src/corpus/articleAnalysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { WorkspaceIndexer, type SaveTiming } from '../../server/src/corpus/workspaceIndexer';

/** An analyzer that only notes when the persisted index would be written. */
class SaveCounter extends ArticleAnalyzer {
  readonly saves: number[] = [];

  override async saveStore(): Promise<void> {
    this.saves.push(performance.now());
  }
}

function indexerWith(timing: SaveTiming): { indexer: WorkspaceIndexer; analyzer: SaveCounter } {
  const analyzer = new SaveCounter();
  const host = { settingsOf: async () => ({ include: [], maxFileSize: 1 }), isOpen: () => false, log: () => undefined };
  return { indexer: new WorkspaceIndexer(new Corpus(), analyzer, host, timing), analyzer };
}

/** Calls `editorChanged` every `everyMs` for `forMs`; answers when it was last called. */
async function typeFor(indexer: WorkspaceIndexer, forMs: number, everyMs = 10): Promise<number> {
  const until = performance.now() + forMs;
  let last = performance.now();
  while (performance.now() < until) {
    last = performance.now();
    indexer.editorChanged();
    await sleep(everyMs);
  }
  return last;
}

describe('when the persisted index is written', () => {
  it('a while after the last change, once', async () => {
    const { indexer, analyzer } = indexerWith({ delayMs: 30, quietMs: 100, maxDeferMs: 5_000 });
    indexer.saveSoon();
    await sleep(10);
    indexer.saveSoon();
    await sleep(150);
    assert.equal(analyzer.saves.length, 1);
  });

  it('not while the user types, but once typing has stopped for a while', async function () {
    this.timeout(10_000);
    const { indexer, analyzer } = indexerWith({ delayMs: 20, quietMs: 250, maxDeferMs: 5_000 });
    indexer.saveSoon();
    const lastKeystroke = await typeFor(indexer, 600);
    assert.equal(analyzer.saves.length, 0, 'no save while typing');
    await sleep(800);
    assert.equal(analyzer.saves.length, 1, 'saved once typing stopped');
    assert.ok((analyzer.saves[0] as number) >= lastKeystroke + 249, 'after the quiet time, not at once');
  });

  it('at the latest `maxDeferMs` after it was due, however long the typing goes on', async function () {
    this.timeout(10_000);
    const { indexer, analyzer } = indexerWith({ delayMs: 20, quietMs: 250, maxDeferMs: 400 });
    const due = performance.now();
    indexer.saveSoon();
    await typeFor(indexer, 1_200);
    assert.equal(analyzer.saves.length, 1, 'saved during the typing, once');
    assert.ok((analyzer.saves[0] as number) >= due + 399, 'not before it was deferred as long as allowed');
  });

  it('at shutdown at once, typing or not', async () => {
    const { indexer, analyzer } = indexerWith({ delayMs: 5_000, quietMs: 5_000, maxDeferMs: 60_000 });
    indexer.editorChanged();
    indexer.saveSoon();
    await indexer.flush();
    assert.equal(analyzer.saves.length, 1);
    await indexer.flush();
    assert.equal(analyzer.saves.length, 1, 'nothing pending after it');
  });
});
