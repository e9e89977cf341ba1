import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisReplies, AnalysisRequest } from '../../server/src/corpus/workers/analysisMessages';
import { MOST_REPLIES_AT_ONCE } from '../../server/src/corpus/workers/analysisWorker';

const repoRoot = resolve(__dirname, '../../..');
const workerScript = join(repoRoot, 'dist', 'analysisWorker.js');
const seeds = readdirSync(join(repoRoot, 'seeds'))
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(join(repoRoot, 'seeds', file), 'utf8'));

/** Collects the worker's messages until every id in `ids` is answered. */
function messagesUntilAnswered(worker: Worker, ids: readonly number[]): Promise<AnalysisReplies[]> {
  const waiting = new Set(ids);
  const messages: AnalysisReplies[] = [];
  return new Promise((resolveMessages, reject) => {
    const onMessage = (replies: AnalysisReplies): void => {
      messages.push(replies);
      for (const reply of replies) waiting.delete(reply.id);
      if (waiting.size === 0) {
        worker.off('message', onMessage);
        resolveMessages(messages);
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

describe('the analysis worker', function () {
  this.timeout(60_000);

  it('answers queued texts in order, a few to a message, and an editor\'s text at once', async () => {
    const worker = new Worker(workerScript);
    try {
      // Posted together, before the worker has finished the first: it finds the others queued.
      const requests: AnalysisRequest[] = [...seeds, ...seeds].map((text, index) => ({ id: index + 1, text, withMatching: false }));
      const answered = messagesUntilAnswered(worker, requests.map(({ id }) => id));
      for (const request of requests) worker.postMessage(request);
      const messages = await answered;
      assert.deepEqual(messages.flat().map(({ id }) => id), requests.map(({ id }) => id));
      for (const replies of messages) assert.ok(replies.length >= 1 && replies.length <= MOST_REPLIES_AT_ONCE, `${replies.length} replies in one message`);
      assert.ok(messages.length < requests.length, 'no message carried more than one reply');
      for (const reply of messages.flat()) assert.equal(reply.error, null);

      const urgent: AnalysisRequest = { id: 100, text: seeds[0] as string, withMatching: true };
      const urgentAnswered = messagesUntilAnswered(worker, [urgent.id]);
      worker.postMessage(urgent);
      const [alone] = await urgentAnswered;
      assert.equal(alone?.length, 1);
      assert.ok(alone?.[0]?.result?.matching, 'an editor\'s text comes with its matcher input');
    } finally {
      await worker.terminate();
    }
  });
});
