/** See asciiOnly.mjs. */
export declare function asciiOnly(code: string): string;
