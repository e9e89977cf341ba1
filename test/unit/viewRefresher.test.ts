import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { ViewRefresher } from '../../server/src/features/refresh';

/** A connection that only counts the refresh requests sent to the client. */
function countingConnection(): { connection: Connection; refreshes: () => number } {
  let count = 0;
  const connection = {
    languages: { semanticTokens: { refresh: async () => void count++ } },
    sendRequest: async () => undefined,
  } as unknown as Connection;
  return { connection, refreshes: () => count };
}

const CAPABILITIES: ClientCapabilities = { workspace: { semanticTokens: { refreshSupport: true }, codeLens: { refreshSupport: true } } };

describe('refreshing the client’s tokens and lenses', () => {
  it('once for a burst of changed files, soon', async () => {
    const { connection, refreshes } = countingConnection();
    const refresher = new ViewRefresher(connection, 30, 300);
    refresher.enable(CAPABILITIES);
    for (let file = 0; file < 5; file++) refresher.schedule();
    await sleep(120);
    assert.equal(refreshes(), 1);
  });

  it('not while the user types, and once typing pauses', async function () {
    this.timeout(10_000);
    const { connection, refreshes } = countingConnection();
    const refresher = new ViewRefresher(connection, 30, 300);
    refresher.enable(CAPABILITIES);
    for (let keystroke = 0; keystroke < 12; keystroke++) {
      refresher.scheduleAfterTyping();
      await sleep(40);
    }
    assert.equal(refreshes(), 0, 'typing went on');
    await sleep(700);
    assert.equal(refreshes(), 1, 'typing paused');
  });
});
