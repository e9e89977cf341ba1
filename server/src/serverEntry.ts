import { join } from 'node:path';
import { CODE_CACHE_ENV } from '../../common/serverProcess';
import { runBundle } from './bundleLoader';

/** The server is serverMain.js; a session keeps running long after this (see runBundle). */
const WRITE_CACHE_AFTER_MS = 5_000;

runBundle(join(__dirname, 'serverMain.js'), process.env[CODE_CACHE_ENV], WRITE_CACHE_AFTER_MS);
