import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { restoredAnalysedText } from './analysisCodec';
import type { AnalysedText, AnalysisReply, AnalysisRequest } from './analysisMessages';
import { analyseInProcess } from './inProcessEngine';

interface Task {
  readonly text: string;
  readonly urgent: boolean;
  readonly resolve: (result: AnalysedText) => void;
}

interface PoolWorker {
  readonly thread: Worker;
  readonly inFlight: Map<number, Task>;
  /** Running while a worker other than the first has nothing to do: it stops when this fires. */
  retireTimer?: NodeJS.Timeout;
}

/** Tasks handed to one worker ahead, so it never waits for the main thread between texts. */
const TASKS_AHEAD = 2;
/** Workers that may die before the pool gives up on threads and analyses in-process. */
const MAX_FAILURES = 3;
/**
 * Heap limits of each worker. Without them V8 sizes a worker's heap like a whole process's and
 * lets the garbage of long articles pile up to hundreds of megabytes between collections. The
 * engine's live data for a 100 KB article is about 30 MB. A text too big for this kills its
 * worker; after MAX_FAILURES the pool analyses in-process, without limits, so nothing is lost.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };
/**
 * How long workers outlive their last task. Each holds its own copy of the engine (40 to 70
 * MB) that a finished scan no longer needs; the next file to analyse starts one again, off
 * this thread, in about a third of a second. While editors are open one worker stays
 * (`keepOneForEditors`): a keystroke would wait that third of a second, and the ones after it
 * for the new worker's engine to warm up (typing in the 100 KB article 4 s after opening it:
 * keystroke p95 14.7 to 21.1 ms with the worker kept, 24.2 to 25.2 ms without).
 */
const IDLE_WORKER_MS = 3_000;
/**
 * How long workers beyond the first outlive their last task. They serve bursts (a scan, a branch
 * switched) and hold some 50 MB each. Kept like the first, the second worker of a machine with
 * three cores or more outlived a scan by IDLE_WORKER_MS, and by as long as typing went on (the
 * first worker takes an editor's texts, so the two were never both idle): its memory came on top
 * of a long article's keystrokes (npm run bench with two workers, 5,000 articles then 200
 * keystrokes into the 100 KB article: peak RSS 327-331 MB; now 279-288, and 271-275 with one
 * worker). A scan leaves its workers idle about a millisecond at a time.
 */
const EXTRA_WORKER_IDLE_MS = 100;

/**
 * Runs the engine on worker threads. Results equal `analyseInProcess(text)`; when
 * the worker script is missing or workers keep failing, texts are analysed in-process, one
 * per event-loop turn, so nothing is ever lost.
 */
export class AnalysisPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private failures = 0;
  private inProcessBusy = false;
  private disposed = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private editorsOpen = false;

  private readonly scriptExists: boolean;

  /** At most `size` threads (see analysisWorkerCount): each carries its own copy of the engine. */
  constructor(
    private readonly workerScript: string | null,
    private readonly size: number,
    private readonly idleWorkerMs = IDLE_WORKER_MS,
  ) {
    // Asked once: the pool is asked whether it is threaded for every text.
    this.scriptExists = workerScript !== null && existsSync(workerScript);
  }

  /** Worker threads running now. */
  get running(): number {
    return this.workers.length;
  }

  get threaded(): boolean {
    return this.scriptExists && this.failures < MAX_FAILURES && this.size > 0;
  }

  /** `urgent` texts (an editor's) go before every queued file of a scan. */
  analyse(text: string, urgent = false): Promise<AnalysedText> {
    return new Promise((resolve) => {
      if (urgent) this.queue.unshift({ text, urgent, resolve });
      else this.queue.push({ text, urgent, resolve });
      this.pump();
    });
  }

  /**
   * Starts a worker now, when texts are sure to come (a scan with nothing stored): loading the
   * engine takes it a quarter of a second, which it then spends while the files are listed. It
   * stops as any idle worker does if nothing comes.
   */
  prepare(): void {
    if (this.disposed || !this.threaded || this.workers.length > 0) return;
    this.spawn();
    this.pump();
  }

  /** Whether editors are open: then one idle worker stays ready for their keystrokes. */
  keepOneForEditors(editorsOpen: boolean): void {
    this.editorsOpen = editorsOpen;
    this.pump();
  }

  /** Stops the threads; texts still queued are analysed in-process. */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    const threads = this.workers.splice(0);
    for (const worker of threads) {
      clearTimeout(worker.retireTimer);
      this.queue.unshift(...worker.inFlight.values());
    }
    await Promise.all(threads.map((worker) => worker.thread.terminate()));
    this.pump();
  }

  private pump(): void {
    if (this.disposed || !this.threaded) {
      this.pumpInProcess();
      return;
    }
    while (this.workers.length < this.size && this.queue.length > this.workers.length * TASKS_AHEAD) this.spawn();
    for (const worker of this.workers) {
      while (worker.inFlight.size < TASKS_AHEAD && this.queue.length > 0) this.send(worker, this.queue.shift() as Task);
      // An idle worker must not keep the process alive.
      if (worker.inFlight.size === 0) worker.thread.unref();
      else worker.thread.ref();
    }
    for (const extra of this.workers.slice(1)) {
      if (extra.inFlight.size > 0) {
        clearTimeout(extra.retireTimer);
        extra.retireTimer = undefined;
      } else {
        extra.retireTimer ??= setTimeout(() => this.retire(extra), EXTRA_WORKER_IDLE_MS).unref();
      }
    }
    clearTimeout(this.idleTimer);
    if (this.workers.length > 0 && this.workers.every((worker) => worker.inFlight.size === 0)) {
      this.idleTimer = setTimeout(() => this.retireIdleWorkers(), this.idleWorkerMs);
      this.idleTimer.unref();
    }
  }

  private retireIdleWorkers(): void {
    if (this.queue.length > 0 || this.workers.some((worker) => worker.inFlight.size > 0)) return;
    for (const worker of this.workers.splice(this.editorsOpen ? 1 : 0)) void worker.thread.terminate();
  }

  private retire(worker: PoolWorker): void {
    const index = this.workers.indexOf(worker);
    if (index < 0 || worker.inFlight.size > 0) return;
    clearTimeout(worker.retireTimer);
    this.workers.splice(index, 1);
    void worker.thread.terminate();
  }

  private pumpInProcess(): void {
    if (this.inProcessBusy || this.queue.length === 0) return;
    this.inProcessBusy = true;
    setImmediate(() => {
      this.inProcessBusy = false;
      const task = this.queue.shift();
      if (task) task.resolve(analyseInProcess(task.text));
      this.pumpInProcess();
    });
  }

  private spawn(): void {
    const thread = new Worker(this.workerScript as string, { resourceLimits: WORKER_LIMITS });
    const worker: PoolWorker = { thread, inFlight: new Map() };
    thread.on('message', (reply: AnalysisReply) => {
      const task = worker.inFlight.get(reply.id);
      if (!task) return;
      worker.inFlight.delete(reply.id);
      // The engine never throws; if it did in a worker, the main thread's answer is the reference.
      if (reply.result === null) {
        task.resolve(analyseInProcess(task.text));
      } else {
        task.resolve(restoredAnalysedText(task.text, reply.result) ?? analyseInProcess(task.text));
      }
      this.pump();
    });
    const fail = (error?: unknown): void => {
      const index = this.workers.indexOf(worker);
      if (index < 0) return;
      clearTimeout(worker.retireTimer);
      this.workers.splice(index, 1);
      const tasks = [...worker.inFlight.values()];
      worker.inFlight.clear();
      // A text too big for a worker's heap (the one it was on: tasks are taken in order) is no
      // fault of the threads: it alone is analysed here, and the pool keeps its workers.
      const outOfMemory = (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const tooBig = outOfMemory ? tasks.shift() : undefined;
      if (!outOfMemory) this.failures++;
      this.queue.unshift(...tasks);
      if (tooBig) tooBig.resolve(analyseInProcess(tooBig.text));
      this.pump();
    };
    thread.on('error', fail);
    thread.on('exit', () => fail());
    this.workers.push(worker);
  }

  private send(worker: PoolWorker, task: Task): void {
    const id = this.nextId++;
    worker.inFlight.set(id, task);
    // The quote matcher's input (a tenth of a text's analysis) is prepared by the worker for an
    // editor's text, whose keystroke the server's thread is waiting to answer, and by the server's
    // thread for a scan's files: during a scan the worker is the one busy thread, and the server's
    // own was idle four fifths of the time (cold indexing of 5,000 articles: median 6.04 s against
    // 6.62 s over five alternated runs each, the worker's thread 5.2 s against 5.9).
    const request: AnalysisRequest = { id, text: task.text, withMatching: task.urgent };
    worker.thread.postMessage(request);
  }
}
