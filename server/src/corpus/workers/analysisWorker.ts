// Entry point of each analysis worker thread (bundled as dist/analysisWorker.js): runs the
// engine on texts the main thread sends, and reads editors' texts for the quote matcher too, so
// the language server's own thread never blocks on them.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { analyze } from '../../engine';
import { prepareArticle } from '../matching/preparedArticle';
import { portableAnalysedText } from './analysisCodec';
import type { AnalysisReply, AnalysisRequest } from './analysisMessages';

/** Niceness of analysis threads: below the language server's own thread, which answers requests. */
const WORKER_NICENESS = 19;

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
  port.on('message', ({ id, text, withMatching }: AnalysisRequest) => {
    let reply: AnalysisReply;
    try {
      const analysis = analyze(text);
      // The main thread has the text: span texts need not be copied over.
      reply = { id, result: portableAnalysedText(text, analysis, withMatching ? prepareArticle(text, analysis.quotes) : null), error: null };
    } catch (error) {
      reply = { id, result: null, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
