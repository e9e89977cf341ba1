import { join } from 'node:path';
import { CODE_CACHE_ENV } from '../../../../common/serverProcess';
import { runBundle } from '../../bundleLoader';

/** The worker is analysisWorkerMain.js; two seconds of a scan run nearly every function of the engine (see runBundle). */
const WRITE_CACHE_AFTER_MS = 2_000;

runBundle(join(__dirname, 'analysisWorkerMain.js'), process.env[CODE_CACHE_ENV], WRITE_CACHE_AFTER_MS);
