// Entry point of each analysis worker thread (bundled as dist/analysisWorker.js): runs the
// engine on texts the main thread sends, and reads editors' texts for the quote matcher too, so
// the language server's own thread never blocks on them.
import { setPriority } from 'node:os';
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { analyze } from '../../engine';
import { prepareArticle } from '../matching/preparedArticle';
import { portableAnalysedText } from './analysisCodec';
import type { AnalysisReply, AnalysisRequest } from './analysisMessages';

/** Niceness of analysis threads: below the language server's own thread, which answers requests. */
const WORKER_NICENESS = 19;
/**
 * Replies to a scan's texts sent together, at most this many at a time. Each message wakes the
 * main thread, which at a nice of 0 then takes this worker's core for a while: during a cold
 * scan of 5,000 articles, 5,000 messages cost the worker 500-530 ms in `postMessage`, and
 * about 2,950 of two replies at most 410-420 ms. Four at a time cost less again, but the main
 * thread then restored four analyses in one go, and hovers during the scan waited longer
 * (p95 3.7-4.8 ms against 3.1-4.1, three alternated runs each).
 */
export const MOST_REPLIES_AT_ONCE = 2;
/** Replies are sent before fewer texts than this are left to analyse, so that the main thread sends more in time. */
const TEXTS_LEFT_TO_REFILL = 2;

const port = parentPort;
if (port) {
  // On Linux a thread is a task of its own, and pid 0 names the calling one: this lowers only
  // this worker, so that requests on the main thread get a core promptly even when every core
  // is analysing. Elsewhere pid 0 means the whole process, which must keep its priority.
  if (process.platform === 'linux') {
    try {
      setPriority(WORKER_NICENESS);
    } catch {
      // Not permitted here: analyse at normal priority.
    }
  }
  const requests: AnalysisRequest[] = [];
  port.on('message', (request: AnalysisRequest) => {
    requests.push(request);
    answerAll(port, requests);
  });
}

/**
 * Analyses `requests` in turn, taking on those the main thread sends meanwhile, and replies in
 * batches (see MOST_REPLIES_AT_ONCE): an editor's text (`withMatching`), which the main thread
 * waits for, at once.
 */
function answerAll(port: MessagePort, requests: AnalysisRequest[]): void {
  const replies: AnalysisReply[] = [];
  for (let request = requests.shift(); request !== undefined; request = requests.shift()) {
    replies.push(answer(request));
    for (let received = receiveMessageOnPort(port); received !== undefined; received = receiveMessageOnPort(port)) requests.push(received.message as AnalysisRequest);
    if (request.withMatching || replies.length >= MOST_REPLIES_AT_ONCE || requests.length < TEXTS_LEFT_TO_REFILL) port.postMessage(replies.splice(0));
  }
}

function answer({ id, text, withMatching }: AnalysisRequest): AnalysisReply {
  try {
    const analysis = analyze(text);
    // The main thread has the text: span texts need not be copied over.
    return { id, result: portableAnalysedText(text, analysis, withMatching ? prepareArticle(text, analysis.quotes) : null), error: null };
  } catch (error) {
    return { id, result: null, error: error instanceof Error ? error.message : String(error) };
  }
}
