import assert from 'node:assert/strict';
import { readFile } from 'node:fs';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { TimeSlices } from '../../server/src/corpus/timeSlices';

/**
 * Whether bytes written to a socket from inside an I/O callback (a request arriving while a save
 * writes its files) are read before `wait` resolves: the server reads its client's requests from
 * a pipe, in the event loop's poll phase.
 */
function requestGetsIn(wait: () => Promise<void>): Promise<boolean> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
      let accepted: Socket | null = null;
      let connected = false;
      // Once both ends are up, so that nothing written waits on the client's side.
      const start = (): void => {
        if (accepted === null || !connected) return;
        const connection = accepted;
        let received = false;
        connection.on('data', () => (received = true));
        readFile(__filename, () => {
          client.write('hover');
          wait()
            .then(() => done(received), fail)
            .finally(() => {
              connection.destroy();
              client.destroy();
              server.close();
            });
        });
      };
      server.on('connection', (socket) => {
        accepted = socket;
        start();
      });
      client.on('connect', () => {
        connected = true;
        start();
      });
    });
  });
}

describe('slices of work on the server’s thread', () => {
  it('lets a waiting request in when asked to, even from an I/O callback, where one immediate does not', async () => {
    const oneImmediate = (): Promise<void> => new Promise((resume) => setImmediate(resume));
    assert.equal(await requestGetsIn(oneImmediate), false, 'one immediate runs before the next poll');
    assert.equal(await requestGetsIn(() => new TimeSlices(2).letRequestsIn()), true);
  });
});
