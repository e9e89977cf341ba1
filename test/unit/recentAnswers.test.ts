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
    const answers = new RecentAnswers<number>(1);
    const query = counter();
    assert.equal(answers.answer('q', query.work), 1);
    assert.equal(answers.answer('q', query.work), 1);
    answers.forgetAll();
    assert.equal(answers.answer('q', query.work), 2);
  });

  it('gives a due answer at once, then works out the fresh one once, for the next question', async () => {
    const answers = new RecentAnswers<number>(1);
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
    const answers = new RecentAnswers<number>(1);
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

  it('keeps the last four questions’ answers', () => {
    const answers = new RecentAnswers<number>(1);
    const queries = Array.from({ length: 5 }, counter);
    queries.forEach((query, index) => answers.answer(`q${index}`, query.work));
    queries.forEach((query, index) => answers.answer(`q${index}`, query.work));
    assert.deepEqual(
      queries.map((query) => query.runs),
      [2, 2, 2, 2, 2],
      'asked in a round of five, each was forgotten before it came up again',
    );
    answers.answer('q4', queries[4]!.work);
    answers.answer('q3', queries[3]!.work);
    assert.equal(queries[4]!.runs, 2);
    assert.equal(queries[3]!.runs, 2);
  });
});
