import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { RecentAnswers } from '../../server/src/corpus/recentAnswers';

/** A query whose answer is how many times it has been worked out. */
function counter(): { work: () => number; readonly runs: number } {
  let runs = 0;
  return {
    work: () => ++runs,
    get runs() {
      return runs;
    },
  };
}

describe('recent answers', () => {
  it('works an answer out once while nothing changes, and again after forgetting', () => {
    const answers = new RecentAnswers<number>({ refreshDelayMs: 1 });
    const query = counter();
    assert.equal(answers.answer('q', query.work), 1);
    assert.equal(answers.answer('q', query.work), 1);
    answers.forgetAll();
    assert.equal(answers.answer('q', query.work), 2);
  });

  it('gives a due answer at once, then works out the fresh one once, for the next question', async () => {
    const answers = new RecentAnswers<number>({ refreshDelayMs: 1 });
    const query = counter();
    answers.answer('q', query.work);
    answers.dueOlderThan(-1);
    assert.equal(answers.answer('q', query.work), 1, 'the old answer, without waiting for work');
    assert.equal(answers.answer('q', query.work), 1);
    assert.equal(query.runs, 1, 'nothing is worked out while the request waits');
    await sleep(20);
    assert.equal(query.runs, 2, 'one fresh answer, however many times the due one was given');
    assert.equal(answers.answer('q', query.work), 2);
    await sleep(20);
    assert.equal(query.runs, 2, 'a fresh answer is not due');
  });

  it('leaves young answers alone, and never brings back an answer forgotten before its refresh', async () => {
    const answers = new RecentAnswers<number>({ refreshDelayMs: 1 });
    const query = counter();
    answers.answer('q', query.work);
    answers.dueOlderThan(60_000);
    answers.answer('q', query.work);
    await sleep(20);
    assert.equal(query.runs, 1);
    answers.dueOlderThan(-1);
    answers.answer('q', query.work);
    answers.forgetAll();
    await sleep(20);
    assert.equal(query.runs, 1, 'the corpus changed: the refresh is dropped');
    assert.equal(answers.answer('q', query.work), 2);
  });

  it('keeps answers up to a total size, dropping the least recently asked first', () => {
    const answers = new RecentAnswers<string[]>({ sizeOf: (matches) => matches.length, keptSize: 10 });
    const runs = new Map<string, number>();
    const ask = (key: string, size: number): void => {
      answers.answer(key, () => {
        runs.set(key, (runs.get(key) ?? 0) + 1);
        return Array.from({ length: size }, () => key);
      });
    };
    ask('a', 4);
    ask('b', 4);
    ask('a', 4);
    ask('c', 4);
    ask('a', 4);
    ask('c', 4);
    assert.deepEqual([runs.get('a'), runs.get('c')], [1, 1], 'a and c fit in 10 together');
    ask('b', 4);
    assert.equal(runs.get('b'), 2, 'b, asked least recently, made room for c');
    ask('huge', 25);
    ask('huge', 25);
    assert.equal(runs.get('huge'), 1, 'the newest answer stays even when it alone is over the size');
    ask('a', 4);
    assert.equal(runs.get('a'), 2, 'the others made room for it');
  });

  it('keeps at most 64 answers, however small', () => {
    const answers = new RecentAnswers<number>({ sizeOf: () => 0 });
    const queries = Array.from({ length: 65 }, counter);
    queries.forEach((query, index) => answers.answer(`q${index}`, query.work));
    answers.answer('q64', queries[64]!.work);
    answers.answer('q1', queries[1]!.work);
    answers.answer('q0', queries[0]!.work);
    assert.deepEqual([queries[64]!.runs, queries[1]!.runs, queries[0]!.runs], [1, 1, 2]);
  });
});
