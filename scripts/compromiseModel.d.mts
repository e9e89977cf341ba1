/** See compromiseModel.mjs. */
export declare const MODEL_FILE: string;
export declare function splitModel(model: unknown): { json: string; restorer: (parsed: string) => string };
export declare const precomputedCompromiseModel: import('esbuild').Plugin;
