// Entry point of each analysis worker thread (bundled as dist/analysisWorker.js): runs the
// engine on texts the main thread sends, so the language server's own thread never blocks.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../../engine';
import type { AnalysisReply, AnalysisRequest } from './analysisMessages';

const port = parentPort;
if (port) {
  port.on('message', ({ id, text }: AnalysisRequest) => {
    let reply: AnalysisReply;
    try {
      reply = { id, analysis: analyze(text), error: null };
    } catch (error) {
      reply = { id, analysis: null, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
