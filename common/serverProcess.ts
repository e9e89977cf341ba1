/**
 * Node flags of the language server's process, declared once for every way it is started (the
 * extension's client, the benchmark). V8 sizes the young generation of a process by the
 * machine's memory; a few megabytes suffice for the server's short-lived garbage, and every
 * megabyte more is kept resident three times over (two semi-spaces and the promotion area).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=2'];
