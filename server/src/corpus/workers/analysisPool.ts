import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { analysisWorkerCount } from '../../../../common/serverProcess';
import { restoredAnalysedText } from './analysisCodec';
import type { AnalysedText, AnalysisReply, AnalysisRequest, AnalysisWorkerData } from './analysisMessages';
import { analyseInProcess } from './inProcessEngine';

interface Task {
  readonly text: string;
  readonly urgent: boolean;
  readonly resolve: (result: AnalysedText) => void;
  /** Sent to a worker with nothing else in flight: set on the texts of a worker that ran out of memory (see `spawn`). */
  alone?: boolean;
}

interface PoolWorker {
  readonly thread: Worker;
  /** The main thread's end of the worker's channel for editors' texts (AnalysisWorkerData). */
  readonly urgentPort: MessagePort;
  readonly inFlight: Map<number, Task>;
  /** Batches sent and not yet answered. */
  batches: number;
}

/**
 * Texts of a scan sent to a worker in one message, and answered in one. Each message wakes the
 * thread it goes to: one message per text woke the server's thread 5,000 times in a cold scan
 * of 5,000 articles, 2,000 times in batches of four, two ahead. Cold indexing went from
 * 5.18-5.54 s to 5.06-5.38 s (medians 5.38 and 5.12 s, six alternated runs each), with less
 * waiting for a core by the worker, which is preempted by the server's thread at each wake-up.
 * An editor's text does not wait for a batch: see AnalysisWorkerData.
 */
const BATCH_SIZE = 4;
/** Batches sent to one worker ahead, so that it never waits for the main thread between them. */
const BATCHES_AHEAD = 2;
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
  /** Tasks a worker answered, waiting for their turn to be resolved (`resolveAnswered`). */
  private readonly answered: { task: Task; reply: AnalysisReply }[] = [];
  private resolving = false;

  private readonly size: number;
  private readonly scriptExists: boolean;

  /**
   * At most `size` threads, and never more than the cores left beside the main thread: each
   * worker carries its own copy of the engine's lexicons (some 70 MB), and an extra thread on
   * a busy core adds memory without adding speed.
   */
  constructor(
    private readonly workerScript: string | null,
    size: number,
    private readonly idleWorkerMs = IDLE_WORKER_MS,
  ) {
    this.size = Math.min(size, analysisWorkerCount(availableParallelism()));
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
      this.queue.unshift(...worker.inFlight.values());
      worker.urgentPort.close();
    }
    await Promise.all(threads.map((worker) => worker.thread.terminate()));
    this.pump();
  }

  private pump(): void {
    if (this.disposed || !this.threaded) {
      this.pumpInProcess();
      return;
    }
    while (this.workers.length < this.size && this.queue.length > this.workers.length * BATCH_SIZE * BATCHES_AHEAD) this.spawn();
    // Urgent tasks are at the front of the queue (`analyse`): each goes to the least busy worker now
    // (one that must be alone waits, with the rest of the queue, for a worker with nothing in flight).
    while (this.queue[0]?.urgent && !this.queue[0].alone) {
      const worker = this.workers.filter((candidate) => !isAlone(candidate)).sort((a, b) => a.inFlight.size - b.inFlight.size)[0];
      if (!worker) break;
      this.send(worker, [this.queue.shift() as Task]);
    }
    for (const worker of this.workers) {
      while (worker.batches < BATCHES_AHEAD && this.queue.length > 0 && !isAlone(worker)) {
        const alone = (this.queue[0] as Task).alone === true;
        if (alone && worker.inFlight.size > 0) break;
        this.send(worker, this.queue.splice(0, alone ? 1 : BATCH_SIZE));
      }
      // An idle worker must not keep the process alive.
      if (worker.inFlight.size === 0) {
        worker.thread.unref();
        worker.urgentPort.unref();
      } else {
        worker.thread.ref();
        worker.urgentPort.ref();
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
    for (const worker of this.workers.splice(this.editorsOpen ? 1 : 0)) {
      worker.urgentPort.close();
      void worker.thread.terminate();
    }
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
    const channel = new MessageChannel();
    const workerData: AnalysisWorkerData = { urgentPort: channel.port2 };
    const thread = new Worker(this.workerScript as string, { resourceLimits: WORKER_LIMITS, workerData, transferList: [channel.port2] });
    const worker: PoolWorker = { thread, urgentPort: channel.port1, inFlight: new Map(), batches: 0 };
    thread.on('message', (replies: AnalysisReply[]) => {
      worker.batches -= 1;
      this.settle(worker, replies);
    });
    worker.urgentPort.on('message', (reply: AnalysisReply) => this.settle(worker, [reply]));
    const fail = (error?: unknown): void => {
      const index = this.workers.indexOf(worker);
      if (index < 0) return;
      this.workers.splice(index, 1);
      worker.urgentPort.close();
      const tasks = [...worker.inFlight.values()];
      worker.inFlight.clear();
      // A text too big for a worker's heap is no fault of the threads: it alone is analysed here,
      // and the pool keeps its workers. Which text it was is certain only when it was the one in
      // flight; otherwise each goes again to a worker with nothing else, until one is.
      const outOfMemory = (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const tooBig = outOfMemory && tasks.length === 1 ? tasks.shift() : undefined;
      if (outOfMemory) for (const task of tasks) task.alone = true;
      else this.failures++;
      // Urgent tasks stay ahead of the others (`analyse`).
      this.queue.unshift(...tasks.filter((task) => task.urgent), ...tasks.filter((task) => !task.urgent));
      if (tooBig) tooBig.resolve(analyseInProcess(tooBig.text));
      this.pump();
    };
    thread.on('error', fail);
    thread.on('exit', () => fail());
    this.workers.push(worker);
  }

  /** Sends one urgent task over the worker's urgent port, or a batch of a scan's tasks over its own. */
  private send(worker: PoolWorker, tasks: readonly Task[]): void {
    const requests = tasks.map((task): AnalysisRequest => {
      const id = this.nextId++;
      worker.inFlight.set(id, task);
      // The quote matcher's input (a tenth of a text's analysis) is prepared by the worker for an
      // editor's text, whose keystroke the server's thread is waiting to answer, and by the server's
      // thread for a scan's files: during a scan the worker is the one busy thread, and the server's
      // own was idle four fifths of the time (cold indexing of 5,000 articles: median 6.04 s against
      // 6.62 s over five alternated runs each, the worker's thread 5.2 s against 5.9).
      return { id, text: task.text, withMatching: task.urgent };
    });
    const [first] = requests;
    if (first && tasks[0]?.urgent) {
      worker.urgentPort.postMessage(first);
    } else {
      worker.batches += 1;
      worker.thread.postMessage(requests);
    }
  }

  /** Takes the tasks `replies` answer off their worker, which gets its next batch before they are resolved, so that it never waits for that. */
  private settle(worker: PoolWorker, replies: readonly AnalysisReply[]): void {
    for (const reply of replies) {
      const task = worker.inFlight.get(reply.id);
      worker.inFlight.delete(reply.id);
      // An editor's text is resolved before the scan's texts answered ahead of it.
      if (task?.urgent) this.answered.unshift({ task, reply });
      else if (task) this.answered.push({ task, reply });
    }
    this.pump();
    if (!this.resolving) this.resolveAnswered();
  }

  /**
   * Resolves answered tasks one per turn of the event loop: what awaits each (merging it into
   * the corpus) then runs in a turn of its own, and a request that comes meanwhile waits for
   * one text's merge rather than a batch's.
   */
  private resolveAnswered(): void {
    const next = this.answered.shift();
    this.resolving = next !== undefined;
    if (!next) return;
    const { task, reply } = next;
    // The engine never throws; if it did in a worker, the main thread's answer is the reference.
    const restored = reply.result === null ? null : restoredAnalysedText(task.text, reply.result);
    task.resolve(restored ?? analyseInProcess(task.text));
    setImmediate(() => this.resolveAnswered());
  }
}

/** Whether the worker has a task in flight that must be alone (see `spawn`). */
function isAlone(worker: PoolWorker): boolean {
  for (const task of worker.inFlight.values()) if (task.alone) return true;
  return false;
}
