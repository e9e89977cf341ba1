import { basename } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { IndexingProgress } from '../corpus/workspaceIndexer';

/**
 * Least time between two reports. A warm start of 5,000 articles runs through them in under half
 * a second: a report at each percent was a message every 4 ms, and writing them took the
 * server's thread 12-21 ms of it.
 */
const REPORT_INTERVAL_MS = 100;

/** Shows indexing as work-done progress in the client (a notification or status bar spinner). */
export function indexingProgress(connection: Connection, onChange: (indexing: boolean) => void, now: () => number = () => performance.now()): IndexingProgress {
  let reporter: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | undefined;
  let lastPercent = -1;
  let lastReport = Number.NEGATIVE_INFINITY;
  let running = false;
  return {
    begin(total) {
      running = true;
      onChange(true);
      void connection.window.createWorkDoneProgress().then((created) => {
        // Indexing a handful of files can finish before the client answers.
        if (!running) return created.done();
        reporter = created;
        reporter.begin('Article Lens: indexing articles', 0, `0 of ${total}`, false);
      }, () => undefined);
    },
    report(done, total, file) {
      // Multiplied first: 29 / 100 * 100 is 28.999… in floating point, and 29 % was never shown.
      const percent = Math.floor((done * 100) / Math.max(total, 1));
      if (percent === lastPercent || now() - lastReport < REPORT_INTERVAL_MS) return;
      lastPercent = percent;
      lastReport = now();
      reporter?.report(percent, `${done} of ${total}: ${basename(file)}`);
    },
    end() {
      running = false;
      reporter?.done();
      reporter = undefined;
      lastPercent = -1;
      lastReport = Number.NEGATIVE_INFINITY;
      onChange(false);
    },
  };
}
