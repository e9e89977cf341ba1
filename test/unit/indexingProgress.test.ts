import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { indexingProgress } from '../../server/src/features/progress';

/** A client that records what the server's progress reporter sends it. */
function recordingConnection(): { connection: Connection; sent: string[] } {
  const sent: string[] = [];
  const reporter = {
    begin: (title: string) => sent.push(`begin ${title}`),
    report: (percent: number) => sent.push(`report ${percent}`),
    done: () => sent.push('done'),
  };
  const connection = { window: { createWorkDoneProgress: async () => reporter } } as unknown as Connection;
  return { connection, sent };
}

describe('indexing progress', () => {
  it('reports at most once per percent and per tenth of a second, and tells when indexing starts and stops', async () => {
    const { connection, sent } = recordingConnection();
    const changes: boolean[] = [];
    let clock = 0;
    const progress = indexingProgress(connection, (indexing) => changes.push(indexing), () => clock);
    progress.begin(5000);
    await new Promise((resolve) => setImmediate(resolve));
    // A fast scan: 5,000 files in half a second.
    for (let done = 1; done <= 5000; done += 1) {
      clock = done * 0.1;
      progress.report(done, 5000, `/articles/${done}.txt`);
    }
    progress.end();
    const reports = sent.filter((message) => message.startsWith('report')).map((message) => Number(message.split(' ')[1]));
    assert.equal(sent[0], 'begin Article Lens: indexing articles');
    assert.equal(sent.at(-1), 'done');
    assert.ok(reports.length >= 4 && reports.length <= 6, `${reports.length} reports in 500 ms`);
    assert.deepEqual(reports, [...reports].sort((a, b) => a - b), 'percentages only grow');
    assert.deepEqual(changes, [true, false]);

    // A slow scan reports each percent it reaches, every one of them.
    sent.length = 0;
    progress.begin(100);
    await new Promise((resolve) => setImmediate(resolve));
    for (let done = 1; done <= 100; done += 1) {
      clock += 1_000;
      progress.report(done, 100, `/articles/${done}.txt`);
    }
    progress.end();
    assert.deepEqual(
      sent.filter((message) => message.startsWith('report')),
      Array.from({ length: 100 }, (_unused, index) => `report ${index + 1}`),
    );
  });
});
