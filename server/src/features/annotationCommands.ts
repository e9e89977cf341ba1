import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { countOf } from '../../../common/labels';
import {
  EXPORT_FORMATS,
  ServerCommands,
  type AnnotationAtArgs,
  type AnnotationChangeResult,
  type AnnotationKind,
  type ExportAnnotationsArgs,
  type ExportAnnotationsResult,
  type ImportBratArgs,
  type ListAnnotationsResult,
  type MarkArgs,
  type SetQuoteSpeakerArgs,
} from '../../../common/protocol';
import type { AnnotationDraft, AnnotationStore } from '../annotations/annotationStore';
import { placeInArticle, readBratFolder } from '../annotations/bratFolder';
import { exportItems } from '../annotations/exportItems';
import { writeExport, type ArticleExport } from '../annotations/exportWriter';
import { articlePathOfSidecar } from '../annotations/sidecarFile';
import type { TextRange } from '../annotations/types';
import type { Article, Corpus } from '../corpus/corpus';
import type { Analysis } from '../engine/types';

export interface AnnotationCommandServices {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  corpus: Corpus;
  store: AnnotationStore;
  /** The article's analysis of the text the editor (or the disk) holds now. */
  currentArticle(uri: string): Promise<Article | undefined>;
  /** Analyses an article again after its annotations changed. */
  reanalyse(uri: string): Promise<void>;
  reanalyseWorkspace(): Promise<void>;
}

/** Every command id the server answers; listed in `executeCommandProvider`. */
export const annotationCommandIds: string[] = Object.values(ServerCommands);

const MARKS: Record<string, AnnotationKind> = {
  [ServerCommands.markSpeaker]: 'speaker',
  [ServerCommands.markOutlet]: 'outlet',
  [ServerCommands.markAttribution]: 'attribution',
  [ServerCommands.markQuote]: 'quote',
};

/**
 * The annotation commands behind the palette: mark, set a quote's speaker, remove, list,
 * export, import, re-analyse. Failures answer with a message meant for the user.
 */
export function registerAnnotationCommands(services: AnnotationCommandServices): {
  publishDiagnostics(uri: string): void;
  /** A watched file changed; true when it was a sidecar (handled here). */
  fileChanged(uri: string): boolean;
} {
  const { connection, documents, corpus, store } = services;
  const shownProblems = new Set<string>();

  async function articleFor(uri: unknown): Promise<{ article: Article; analysis: Analysis; lines: TextDocument }> {
    if (typeof uri !== 'string') throw failure('The command needs the article\'s uri.');
    const article = await services.currentArticle(uri);
    if (!article) throw failure(`${uri} is not an article Article Lens knows.`);
    if (!article.analysis) throw failure(article.problem?.message ?? 'The article was not analysed.');
    return { article, analysis: article.analysis, lines: TextDocument.create(uri, 'article', article.version, article.text) };
  }

  async function record(uri: string, text: string, drafts: AnnotationDraft[]): Promise<void> {
    try {
      await store.add(uri, text, drafts);
    } catch (error) {
      throw failure(messageOf(error));
    }
    await services.reanalyse(uri);
  }

  async function mark(kind: AnnotationKind, args: MarkArgs): Promise<AnnotationChangeResult> {
    const { article, lines } = await articleFor(args?.uri);
    const range = trimmed(article.text, { start: lines.offsetAt(args.range.start), end: lines.offsetAt(args.range.end) });
    if (!range) throw failure('Select the words to mark first.');
    const words = article.text.slice(range.start, range.end);
    await record(article.uri, article.text, [{ kind, action: 'mark', name: args.name?.trim() || null, range }]);
    return { message: `Marked “${words}” as ${kind === 'attribution' ? 'an attribution' : `a ${kind}`}.` };
  }

  async function setQuoteSpeaker(args: SetQuoteSpeakerArgs): Promise<AnnotationChangeResult> {
    const { article, analysis, lines } = await articleFor(args?.uri);
    const speaker = typeof args.speaker === 'string' ? args.speaker.trim() : '';
    if (!speaker) throw failure('Name the speaker.');
    const offset = lines.offsetAt(args.position);
    const quote = analysis.quotes.find((candidate) => candidate.start <= offset && offset <= candidate.end);
    if (!quote) throw failure('Put the cursor in a quote first (or mark the words as a quote).');
    await record(article.uri, article.text, [{ kind: 'quote', action: 'mark', name: speaker, range: { start: quote.start, end: quote.end } }]);
    return { message: `The quote is now credited to ${speaker}.` };
  }

  async function removeAt(args: AnnotationAtArgs): Promise<AnnotationChangeResult> {
    const { article, analysis, lines } = await articleFor(args?.uri);
    const offset = lines.offsetAt(args.position);
    const covers = (range: TextRange | null): range is TextRange => range !== null && range.start <= offset && offset <= range.end;
    const own = store
      .placed(article.uri, article.text)
      .filter(({ annotation, range }) => annotation.action === 'mark' && covers(range))
      .sort((a, b) => length(a.range!) - length(b.range!))[0];
    if (own) {
      try {
        await store.remove(article.uri, article.text, [own.annotation.id]);
      } catch (error) {
        throw failure(messageOf(error));
      }
      await services.reanalyse(article.uri);
      return { message: `Removed your ${own.annotation.kind} annotation “${own.annotation.quote.exact}”.` };
    }
    const found = automaticItemsAt(analysis, offset).sort((a, b) => length(a.range) - length(b.range))[0];
    if (!found) throw failure('There is no annotation at the cursor.');
    await record(article.uri, article.text, [{ kind: found.kind, action: 'reject', name: null, range: found.range }]);
    return { message: `Removed the ${found.kind} “${article.text.slice(found.range.start, found.range.end)}”; it stays removed when the article is analysed again.` };
  }

  async function list(args: { uri: string }): Promise<ListAnnotationsResult> {
    const { article, lines } = await articleFor(args?.uri);
    const sidecar = store.sidecarOf(article.uri) ?? '';
    return {
      sidecar,
      problem: store.problem(article.uri),
      annotations: store.placed(article.uri, article.text).map(({ annotation, range }) => ({
        id: annotation.id,
        kind: annotation.kind,
        action: annotation.action,
        text: annotation.quote.exact,
        name: annotation.name,
        range: range ? { start: lines.positionAt(range.start), end: lines.positionAt(range.end) } : null,
      })),
    };
  }

  async function exportAnnotations(args: ExportAnnotationsArgs): Promise<ExportAnnotationsResult> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(args?.format)) throw failure(`The format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    if (typeof args.outDir !== 'string' || args.outDir.length === 0) throw failure('Choose a folder to export to.');
    const articles: Article[] = [];
    if (args.scope === 'article') {
      articles.push((await articleFor(args.uri)).article);
    } else {
      articles.push(...[...corpus.all()].filter((article) => article.analysis).sort((a, b) => a.uri.localeCompare(b.uri)));
    }
    const exports: ArticleExport[] = articles.map((article) => ({
      path: pathOf(article.uri),
      text: article.text,
      items: exportItems(article.analysis!, store.placed(article.uri, article.text)),
    }));
    try {
      const files = await writeExport(exports, args.format, args.outDir);
      return { files, articles: exports.length, message: `Exported ${countOf(exports.length, 'article')} as ${args.format} to ${args.outDir}.` };
    } catch (error) {
      throw failure(`Could not export to ${args.outDir}: ${messageOf(error)}`);
    }
  }

  async function importBrat(args: ImportBratArgs): Promise<AnnotationChangeResult> {
    if (typeof args?.folder !== 'string') throw failure('Choose a folder of brat .ann files.');
    let documents;
    try {
      documents = readBratFolder(args.folder);
    } catch (error) {
      throw failure(`Could not read ${args.folder}: ${messageOf(error)}`);
    }
    if (documents.length === 0) throw failure(`${args.folder} has no .ann files.`);
    let imported = 0;
    const problems: string[] = [];
    for (const document of documents) {
      problems.push(...document.problems);
      const target = [...corpus.all()].filter((article) => basename(pathOf(article.uri)) === document.article).sort((a, b) => a.uri.localeCompare(b.uri))[0];
      if (!target) {
        problems.push(`no article named ${document.article} in the workspace`);
        continue;
      }
      const article = (await services.currentArticle(target.uri)) ?? target;
      const drafts: AnnotationDraft[] = [];
      for (const item of document.items) {
        const range = placeInArticle(document.text, item, article.text);
        if (range) drafts.push({ kind: item.kind, action: 'mark', name: item.name, range });
        else problems.push(`“${item.text}” (${item.kind}) is not in ${document.article}`);
      }
      await record(article.uri, article.text, drafts);
      imported += drafts.length;
    }
    if (problems.length > 0) connection.console.warn(`brat import from ${args.folder}:\n${problems.join('\n')}`);
    const skipped = problems.length > 0 ? ` ${countOf(problems.length, 'problem')} (see the Article Lens output): ${problems[0]}` : '';
    return { message: `Imported ${imported} annotation${imported === 1 ? '' : 's'} from ${documents.length} brat file${documents.length === 1 ? '' : 's'}.${skipped}` };
  }

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    const [first] = args as unknown[];
    const kind = MARKS[command];
    if (kind) return mark(kind, first as MarkArgs);
    switch (command) {
      case ServerCommands.setQuoteSpeaker:
        return setQuoteSpeaker(first as SetQuoteSpeakerArgs);
      case ServerCommands.removeAnnotation:
        return removeAt(first as AnnotationAtArgs);
      case ServerCommands.listAnnotations:
        return list(first as { uri: string });
      case ServerCommands.exportAnnotations:
        return exportAnnotations(first as ExportAnnotationsArgs);
      case ServerCommands.importBrat:
        return importBrat(first as ImportBratArgs);
      case ServerCommands.reanalyseWorkspace:
        store.clear();
        await services.reanalyseWorkspace();
        return { message: `Analysed ${corpus.size} article${corpus.size === 1 ? '' : 's'} again.` } satisfies AnnotationChangeResult;
      default:
        throw new ResponseError(LSPErrorCodes.RequestFailed, `Unknown command ${command}`);
    }
  });

  return {
    publishDiagnostics(uri: string): void {
      const document = documents.get(uri);
      const article = corpus.get(uri);
      if (!document || !article || !uri.startsWith('file:')) return;
      const diagnostics: Diagnostic[] = [];
      const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const problem = store.problem(uri);
      if (problem) {
        diagnostics.push({ range: top, severity: DiagnosticSeverity.Error, source: 'Article Lens', message: problem });
        if (!shownProblems.has(problem)) {
          shownProblems.add(problem);
          void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Article Lens: ${problem}` });
        }
      }
      for (const { annotation } of store.placed(uri, article.text).filter(({ range }) => range === null)) {
        diagnostics.push({
          range: top,
          severity: DiagnosticSeverity.Warning,
          source: 'Article Lens',
          message: `${annotation.action === 'reject' ? 'Your removal of the' : 'Your'} ${annotation.kind} annotation “${annotation.quote.exact}” could not be placed in the changed text; it is kept in ${basename(store.sidecarOf(uri) ?? '')}.`,
        });
      }
      void connection.sendDiagnostics({ uri, diagnostics });
    },
    fileChanged(uri: string): boolean {
      if (!uri.startsWith('file:')) return false;
      const article = articlePathOfSidecar(fileURLToPath(uri));
      if (article === null) return false;
      const articleUri = uri.slice(0, -'.annotations.json'.length);
      if (store.reload(articleUri)) void services.reanalyse(articleUri);
      return true;
    },
  };
}

/** Every automatic item covering an offset, with the kind a rejection of it records. */
function automaticItemsAt(analysis: Analysis, offset: number): { kind: AnnotationKind; range: TextRange }[] {
  const covers = (range: TextRange): boolean => range.start <= offset && offset <= range.end;
  return [
    ...analysis.speakers.flatMap((speaker) => speaker.mentions.filter(covers).map((range) => ({ kind: 'speaker' as const, range }))),
    ...analysis.outlets.flatMap((outlet) => outlet.mentions.filter(covers).map((range) => ({ kind: 'outlet' as const, range }))),
    ...analysis.attributions.filter(covers).map((range) => ({ kind: 'attribution' as const, range })),
    ...analysis.quotes.filter(covers).map((range) => ({ kind: 'quote' as const, range })),
  ].map(({ kind, range }) => ({ kind, range: { start: range.start, end: range.end } }));
}

/** The range without the white space at its ends; null when nothing else is left. */
function trimmed(text: string, range: TextRange): TextRange | null {
  let { start, end } = range;
  if (start > end) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

function length(range: TextRange): number {
  return range.end - range.start;
}

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z]+:/i, ''));
}

function failure(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
