import assert from 'node:assert/strict';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../common/protocol';
import type { Analysis, Span } from '../../server/src/engine/types';
import type { TokenRun } from '../../server/src/features/tokenRuns';
import { TextDocument } from 'vscode-languageserver-textdocument';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (one character). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Every span an analysis holds, named for the failure message. */
export function labelledSpans(analysis: Analysis): [string, Span][] {
  const spans: [string, Span][] = [];
  analysis.quotes.forEach((quote, index) => {
    spans.push([`quotes[${index}]`, quote]);
    if (quote.source) spans.push([`quotes[${index}].source`, quote.source]);
    if (quote.cue) spans.push([`quotes[${index}].cue`, quote.cue]);
  });
  analysis.speakers.forEach((speaker, index) => speaker.mentions.forEach((mention, at) => spans.push([`speakers[${index}].mentions[${at}]`, mention])));
  analysis.outlets.forEach((outlet, index) => outlet.mentions.forEach((mention, at) => spans.push([`outlets[${index}].mentions[${at}]`, mention])));
  analysis.attributions.forEach((attribution, index) => {
    spans.push([`attributions[${index}]`, attribution], [`attributions[${index}].mention`, attribution.mention], [`attributions[${index}].cue`, attribution.cue]);
  });
  return spans;
}

export function assertSpanWellFormed(text: string, label: string, span: { start: number; end: number; text?: string }): void {
  const where = `${label} ${JSON.stringify({ start: span.start, end: span.end })} in a text of ${text.length}`;
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: offsets are not integers`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${where}: out of range`);
  assert.ok(!splitsSurrogatePair(text, span.start), `${where}: starts inside a surrogate pair`);
  assert.ok(!splitsSurrogatePair(text, span.end), `${where}: ends inside a surrogate pair`);
  if (span.text !== undefined) assert.equal(span.text, text.slice(span.start, span.end), `${where}: text differs from the slice`);
}

/** Every span in range, on character boundaries, matching its text; every cross-reference resolves. */
export function assertAnalysisWellFormed(text: string, analysis: Analysis): void {
  for (const [label, span] of labelledSpans(analysis)) assertSpanWellFormed(text, label, span);
  const names = new Set(analysis.speakers.map((speaker) => speaker.name));
  analysis.quotes.forEach((quote, index) => {
    if (quote.attribution !== null) {
      assert.ok(Number.isInteger(quote.attribution) && analysis.attributions[quote.attribution] !== undefined, `quotes[${index}].attribution ${quote.attribution} names no attribution`);
    }
    if (quote.speaker !== null) assert.ok(quote.speaker.trim().length > 0, `quotes[${index}] has a blank speaker`);
  });
  analysis.speakers.forEach((speaker, index) => assert.ok(speaker.name.trim().length > 0 && names.has(speaker.name), `speakers[${index}] has a blank name`));
  assert.equal(new Set(analysis.quotes.map((quote) => quote.id)).size, analysis.quotes.length, 'quote ids are not unique');
}

/**
 * Sorted, non-overlapping, non-empty runs inside the text that never cross a line break or split
 * a character, each at the line and character an LSP document gives its start.
 */
export function assertTokenRunsWellFormed(text: string, runs: readonly TokenRun[]): void {
  const document = TextDocument.create('file:///fuzz.txt', 'article', 1, text);
  let previous: TokenRun | undefined;
  for (const [index, run] of runs.entries()) {
    const label = `runs[${index}] ${JSON.stringify(run)}`;
    assertSpanWellFormed(text, label, run);
    assert.ok(run.start < run.end, `${label}: empty`);
    assert.ok(!/[\r\n]/.test(text.slice(run.start, run.end)), `${label}: crosses a line break`);
    assert.ok(TOKEN_TYPES.includes(run.type), `${label}: unknown type`);
    assert.ok(run.modifiers.every((modifier) => TOKEN_MODIFIERS.includes(modifier)), `${label}: unknown modifier`);
    assert.deepStrictEqual({ line: run.line, character: run.character }, document.positionAt(run.start), `${label}: position`);
    if (previous) {
      assert.ok(previous.end <= run.start, `${label}: overlaps or precedes runs[${index - 1}] ${JSON.stringify(previous)}`);
      const sameLook = previous.type === run.type && previous.modifiers.join() === run.modifiers.join();
      assert.ok(!(previous.end === run.start && sameLook), `${label}: touches runs[${index - 1}] with the same type and modifiers (not merged)`);
    }
    previous = run;
  }
}
