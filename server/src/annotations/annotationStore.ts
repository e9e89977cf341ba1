import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AnnotationKind } from '../../../common/protocol';
import type { Analysis } from '../engine/types';
import { editBetween, locate, reanchor, textQuoteOf, type TextEdit } from './anchoring';
import { CodePoints } from './codePoints';
import { applyAnnotations, sameItem } from './overlay';
import { readSidecar, serializeSidecar, sidecarPathOf, SidecarWriter, type SidecarContent } from './sidecarFile';
import type { PlacedAnnotation, TextRange, UserAnnotation } from './types';

export interface AnnotationStoreHost {
  /** Why writing annotations is refused right now (an untrusted workspace), or null. */
  writeRefusal(): string | null;
  /** The text an editor holds for the article, when one does: only that text moves annotations for good. */
  editorText(uri: string): string | undefined;
  /** The article's annotations changed (a command, or the sidecar on disk). */
  changed(uri: string): void;
}

/** What a command asks to record. */
export interface AnnotationDraft {
  kind: AnnotationKind;
  action: 'mark' | 'reject';
  name: string | null;
  range: TextRange;
}

interface ArticleState {
  readonly articlePath: string;
  readonly sidecarPath: string;
  /** The sidecar's text as last read or written by us; null when there is none. */
  raw: string | null;
  /** Why the sidecar cannot be used; while set, nothing is written to it. */
  problem: string | null;
  entries: PlacedAnnotation[];
  /** The text `entries`' ranges refer to; null before the first anchoring. */
  text: string | null;
  writesInFlight: number;
}

/**
 * The user's annotations of every article, kept in memory and in one sidecar file per article.
 * Annotations follow their words through edits; writes go through a queue per file.
 */
export class AnnotationStore {
  private readonly states = new Map<string, ArticleState>();
  private readonly writer = new SidecarWriter();
  /**
   * Articles not loaded yet whose sidecar a folder's listing showed absent: reading their
   * annotations finds none without asking the disk (a stat per article was about 5 % of a warm
   * start at 5,000 articles) or keeping a state for each (3 %); the first write loads the
   * article and takes its sidecar for missing. A watcher's news of the sidecar drops it.
   */
  private readonly absentWhenListed = new Set<string>();
  /** The path of each listed article not loaded yet, by uri: converting 5,000 uris back to paths took 2 % of a warm start. */
  private readonly listedPaths = new Map<string, string>();

  constructor(
    private readonly host: AnnotationStoreHost,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The analysis overlay: the engine's analysis with this article's annotations applied. */
  readonly overlay = (uri: string, text: string, analysis: Analysis): Analysis => applyAnnotations(text, analysis, this.placed(uri, text));

  /** The article's annotations placed in `text` (unplaced ones with a null range). */
  placed(uri: string, text: string): PlacedAnnotation[] {
    const state = this.loadedToRead(uri);
    if (!state || state.entries.length === 0) return state?.entries ?? [];
    if (state.text === text) return state.entries;
    const entries = state.text === null ? this.firstAnchoring(state.entries, text) : this.moved(state.entries, text, editBetween(state.text, text));
    const editorText = this.host.editorText(uri);
    // An analysis of an older version must not pull the annotations back from the editor's text.
    if (editorText === undefined || editorText === text) {
      state.entries = entries;
      state.text = text;
    }
    return entries;
  }

  /** The editor changed the article: annotations move with their words. */
  didEdit(uri: string, before: string, edits: readonly TextEdit[], after: string): void {
    const state = this.states.get(uri);
    if (!state || state.text !== before) return;
    state.entries = this.moved(state.entries, after, edits);
    state.text = after;
  }

  /** Why the article's sidecar cannot be used, or null. */
  problem(uri: string): string | null {
    return this.loadedToRead(uri)?.problem ?? null;
  }

  sidecarOf(uri: string): string | null {
    const path = articlePath(uri);
    return path === null ? null : sidecarPathOf(path);
  }

  /** The sidecar may have changed on disk: reads it again; true when that changed the annotations. */
  reload(uri: string): boolean {
    const state = this.states.get(uri);
    if (!state) {
      this.absentWhenListed.delete(uri);
      return false;
    }
    if (state.writesInFlight > 0) return false;
    return this.refresh(state);
  }

  /** Forgets every article, so each sidecar is read again when next needed. */
  clear(): void {
    for (const [uri, state] of this.states) if (state.writesInFlight === 0) this.states.delete(uri);
    this.absentWhenListed.clear();
    this.listedPaths.clear();
  }

  /** A folder's listing (every file it saw) names these articles: those not loaded yet learn whether their sidecar was there. */
  listed(articles: readonly { readonly path: string; readonly uri: string }[], seen: ReadonlySet<string>): void {
    for (const { path, uri } of articles) {
      if (!seen.has(sidecarPathOf(path))) this.absentWhenListed.add(uri);
      if (!this.states.has(uri)) this.listedPaths.set(uri, path);
    }
  }

  /** Records annotations, each replacing the same kind of annotation on the same item. */
  async add(uri: string, text: string, drafts: readonly AnnotationDraft[]): Promise<UserAnnotation[]> {
    const added: UserAnnotation[] = [];
    await this.change(uri, text, (entries) => {
      const stamp = this.now().toISOString();
      let earlier = entries;
      const batch: PlacedAnnotation[] = [];
      for (const draft of drafts) {
        // Within one batch (an import) only exact repeats are dropped; items may overlap.
        if (batch.some(({ annotation, range }) => annotation.kind === draft.kind && annotation.action === draft.action && range?.start === draft.range.start && range.end === draft.range.end)) continue;
        const annotation: UserAnnotation = {
          id: `urn:uuid:${randomUUID()}`,
          kind: draft.kind,
          action: draft.action,
          name: draft.name,
          quote: textQuoteOf(text, draft.range),
          position: codePointRange(text, draft.range),
          created: stamp,
          modified: stamp,
        };
        // A new annotation replaces an earlier one of the same kind on the same item (a re-mark, a new speaker).
        earlier = earlier.filter(({ annotation: existing, range }) => !(existing.kind === draft.kind && range !== null && sameItem(range, draft.range)));
        batch.push({ annotation, range: draft.range });
        added.push(annotation);
      }
      return [...earlier, ...batch];
    });
    return added;
  }

  /** Deletes annotations by id; true when there was one. */
  async remove(uri: string, text: string, ids: readonly string[]): Promise<boolean> {
    let removed = false;
    await this.change(uri, text, (entries) => {
      const kept = entries.filter((entry) => !ids.includes(entry.annotation.id));
      removed = kept.length < entries.length;
      return kept;
    });
    return removed;
  }

  /** Waits for every queued write (tests, shutdown). */
  async flushed(): Promise<void> {
    while ([...this.states.values()].some((state) => state.writesInFlight > 0)) await new Promise((resume) => setTimeout(resume, 5));
  }

  private async change(uri: string, text: string, mutate: (entries: PlacedAnnotation[]) => PlacedAnnotation[]): Promise<void> {
    const state = this.load(uri);
    if (!state) throw new Error('Only articles saved as files can carry annotations: save this one first.');
    const refusal = this.host.writeRefusal();
    if (refusal) throw new Error(refusal);
    if (state.writesInFlight === 0) this.refresh(state);
    if (state.problem) throw new Error(state.problem);
    const entries = mutate(this.placed(uri, text)).map((entry) => (entry.range ? { annotation: refreshed(entry.annotation, text, entry.range), range: entry.range } : entry));
    const raw = serializeSidecar(state.articlePath, entries.map(({ annotation }) => annotation));
    state.entries = entries;
    state.text = text;
    state.raw = raw;
    state.writesInFlight++;
    try {
      await this.writer.write(state.sidecarPath, () => {
        const onDisk = readSidecar(state.sidecarPath);
        // Someone broke the file since we read it: keep their bytes, say so.
        if (onDisk.kind === 'invalid') throw new Error(onDisk.message);
        return raw;
      });
    } catch (error) {
      state.writesInFlight--;
      if (state.writesInFlight === 0) this.refresh(state, true);
      throw error;
    }
    state.writesInFlight--;
    this.host.changed(uri);
  }

  private load(uri: string): ArticleState | undefined {
    let state = this.states.get(uri);
    if (state) return state;
    const path = this.listedPaths.get(uri) ?? articlePath(uri);
    if (path === null) return undefined;
    this.listedPaths.delete(uri);
    state = { articlePath: path, sidecarPath: sidecarPathOf(path), raw: null, problem: null, entries: [], text: null, writesInFlight: 0 };
    this.adopt(state, this.absentWhenListed.delete(uri) ? { kind: 'missing' } : readSidecar(state.sidecarPath));
    this.states.set(uri, state);
    return state;
  }

  /** The article's state, or none for an article whose sidecar was listed absent: it has no annotations. */
  private loadedToRead(uri: string): ArticleState | undefined {
    return this.states.get(uri) ?? (this.absentWhenListed.has(uri) ? undefined : this.load(uri));
  }

  /** Reads the sidecar again when its bytes differ from what we know; true when they did. */
  private refresh(state: ArticleState, force = false): boolean {
    const content = readSidecar(state.sidecarPath);
    const raw = content.kind === 'missing' ? null : content.raw;
    if (!force && raw === state.raw && (content.kind !== 'invalid' || state.problem !== null)) return false;
    this.adopt(state, content);
    return true;
  }

  private adopt(state: ArticleState, content: SidecarContent): void {
    state.text = null;
    if (content.kind === 'valid') {
      state.raw = content.raw;
      state.problem = null;
      state.entries = content.annotations.map((annotation) => ({ annotation, range: null }));
    } else if (content.kind === 'missing') {
      state.raw = null;
      state.problem = null;
      state.entries = [];
    } else {
      state.raw = content.raw;
      state.problem = content.message;
      state.entries = [];
    }
  }

  private firstAnchoring(entries: readonly PlacedAnnotation[], text: string): PlacedAnnotation[] {
    const codePoints = new CodePoints(text);
    return entries.map(({ annotation }) => {
      const hint = { start: codePoints.toUtf16(annotation.position.start), end: codePoints.toUtf16(annotation.position.end) };
      return { annotation, range: locate(text, annotation.quote, hint) };
    });
  }

  private moved(entries: readonly PlacedAnnotation[], text: string, edits: readonly TextEdit[]): PlacedAnnotation[] {
    const ranges = reanchor(entries.map(({ annotation, range }) => ({ quote: annotation.quote, range })), text, edits);
    return entries.map(({ annotation }, index) => ({ annotation, range: ranges[index] ?? null }));
  }
}

/** The annotation with selectors that describe where it stands in `text` now. */
function refreshed(annotation: UserAnnotation, text: string, range: TextRange): UserAnnotation {
  return { ...annotation, quote: textQuoteOf(text, range), position: codePointRange(text, range) };
}

function codePointRange(text: string, range: TextRange): TextRange {
  const codePoints = new CodePoints(text);
  return { start: codePoints.fromUtf16(range.start), end: codePoints.fromUtf16(range.end) };
}

function articlePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
