/**
 * Node flags of the language server's process, declared once for every way it is started (the
 * extension's client, the benchmark). V8 sizes the young generation of a process by the
 * machine's memory; a few megabytes suffice for the server's short-lived garbage, and every
 * megabyte more is kept resident three times over (two semi-spaces and the promotion area).
 * After each full collection V8 lets the heap grow to a multiple of what survived, a large one
 * while the server allocates fast (typing in a long article): growth of half the live heap
 * keeps a 5,000-article workspace about 130 MB smaller at a few milliseconds of keystroke
 * latency (npm run bench).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=50'];
