import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ANALYSIS_WORKERS_ENV, analysisWorkerCount, serverNodeArgs } from '../../common/serverProcess';

const helpersOf = (args: readonly string[]): number => Number(args.find((arg) => arg.startsWith('--v8-pool-size='))?.split('=')[1]);

describe('the server process flags', () => {
  it('leave the server thread a core: analysis workers, then V8 helpers, share what remains', () => {
    for (const cores of [1, 2, 3, 4, 6, 8, 16, 64]) {
      const workers = analysisWorkerCount(cores, {});
      const helpers = helpersOf(serverNodeArgs(cores));
      assert.ok(workers >= 1 && workers <= 2, `${cores} cores: ${workers} workers`);
      assert.ok(helpers >= 1 && helpers <= 4, `${cores} cores: ${helpers} helpers`);
      if (cores > 1) assert.ok(workers <= cores - 1, `${cores} cores: the workers take the server's core`);
      if (cores >= 2 + workers) assert.ok(1 + workers + helpers <= cores, `${cores} cores: ${helpers} helpers oversubscribe`);
    }
    assert.equal(helpersOf(serverNodeArgs(2)), 1);
    assert.equal(helpersOf(serverNodeArgs(16)), 4);
  });

  it('run the analysis workers the environment asks for, when it asks for one or two', () => {
    assert.equal(analysisWorkerCount(2, { [ANALYSIS_WORKERS_ENV]: '2' }), 2);
    assert.equal(analysisWorkerCount(16, { [ANALYSIS_WORKERS_ENV]: '1' }), 1);
    for (const refused of ['0', '3', '1.5', 'two', '']) assert.equal(analysisWorkerCount(2, { [ANALYSIS_WORKERS_ENV]: refused }), 1, `"${refused}" refused`);
  });

  it('are flags this Node accepts', () => {
    const printed = execFileSync(process.execPath, [...serverNodeArgs(2), '-e', 'process.stdout.write("started")'], { encoding: 'utf8' });
    assert.equal(printed, 'started');
  });
});
