/**
 * Everything client and server agree on: custom messages, command ids, the token legend and
 * the settings shape. Declared once here and imported by both sides.
 */
import { NotificationType, RequestType, RequestType0, type Position, type Range, type TextDocumentPositionParams } from 'vscode-languageserver-protocol';

export const LANGUAGE_ID = 'article';
export const SETTINGS_SECTION = 'articleLens';

/** Semantic token types contributed in package.json; the order is the legend's order. */
export const TOKEN_TYPES = ['speaker', 'outlet', 'attribution', 'quote'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/**
 * `declaration`: a speaker's first mention; `linked`: a quote other articles carry too;
 * `unattributed`: a quote nobody is credited with; `cue`: the reporting verb of an attribution.
 */
export const TOKEN_MODIFIERS = ['declaration', 'linked', 'unattributed', 'cue'] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

/** Settings under `articleLens.*`, as the server reads them per document. */
export interface ArticleLensSettings {
  include: string[];
  maxFileSize: number;
}

/** What the client hands the server at start (`initialize`'s `initializationOptions`). */
export interface ArticleLensInitializationOptions {
  /** A folder the server may write to (the extension's storage), where it keeps its index between sessions. */
  storagePath?: string;
  /** False in a workspace the user does not trust: the server then refuses to write annotation files. */
  workspaceTrusted?: boolean;
}

export const DEFAULT_SETTINGS: ArticleLensSettings = {
  include: ['**/seeds/**/*.txt', '**/articles/**/*.txt'],
  maxFileSize: 2_000_000,
};

/** Commands the client registers (contributed in package.json). */
export const ClientCommands = {
  restartServer: 'articleLens.restartServer',
  showOutput: 'articleLens.showOutput',
  /** Opens an article at a range; the target of links in hovers and views. */
  openLocation: 'articleLens.openLocation',
  /** Shows locations in the references peek; the target of "quoted in N other articles" lenses. */
  showReferences: 'articleLens.showReferences',
  showQuoteMap: 'articleLens.showQuoteMap',
  refreshSpeakers: 'articleLens.refreshSpeakers',
  markSpeaker: 'articleLens.markSpeaker',
  markOutlet: 'articleLens.markOutlet',
  markAttribution: 'articleLens.markAttribution',
  markQuote: 'articleLens.markQuote',
  setQuoteSpeaker: 'articleLens.setQuoteSpeaker',
  removeAnnotation: 'articleLens.removeAnnotation',
  listAnnotations: 'articleLens.listAnnotations',
  exportAnnotations: 'articleLens.exportAnnotations',
  importBratAnnotations: 'articleLens.importBratAnnotations',
  reanalyseWorkspace: 'articleLens.reanalyseWorkspace',
} as const;

/**
 * Commands the server registers (`workspace/executeCommand`). vscode-languageclient turns these
 * ids into VS Code commands of their own, so they differ from the palette's `ClientCommands`.
 */
export const ServerCommands = {
  markSpeaker: 'articleLens.server.markSpeaker',
  markOutlet: 'articleLens.server.markOutlet',
  markAttribution: 'articleLens.server.markAttribution',
  markQuote: 'articleLens.server.markQuote',
  setQuoteSpeaker: 'articleLens.server.setQuoteSpeaker',
  removeAnnotation: 'articleLens.server.removeAnnotation',
  listAnnotations: 'articleLens.server.listAnnotations',
  exportAnnotations: 'articleLens.server.exportAnnotations',
  importBrat: 'articleLens.server.importBrat',
  reanalyseWorkspace: 'articleLens.server.reanalyseWorkspace',
} as const;

/** What a user annotation says about a stretch of text. */
export const ANNOTATION_KINDS = ['speaker', 'outlet', 'attribution', 'quote'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** Arguments of the mark commands: the selection to mark, and optionally the entity (or speaker) it names. */
export interface MarkArgs {
  uri: string;
  range: Range;
  name?: string;
}

/** Arguments of `setQuoteSpeaker`: the quote at `position` gets `speaker`. */
export interface SetQuoteSpeakerArgs {
  uri: string;
  position: Position;
  speaker: string;
}

/** Arguments of `removeAnnotation`: the annotation (or automatic item) at `position`. */
export interface AnnotationAtArgs {
  uri: string;
  position: Position;
}

/** What every annotation command that changes something answers: a sentence for the user. */
export interface AnnotationChangeResult {
  message: string;
}

export interface AnnotationListEntry {
  id: string;
  kind: AnnotationKind;
  /** `mark`: the user's own; `reject`: an automatic item the user removed. */
  action: 'mark' | 'reject';
  text: string;
  /** The entity a mark names, or a quote's speaker. */
  name: string | null;
  /** Null when the annotation could not be placed in the article's current text. */
  range: Range | null;
}

export interface ListAnnotationsResult {
  /** The sidecar file's path. */
  sidecar: string;
  /** Why the sidecar could not be read, when it could not. */
  problem: string | null;
  annotations: AnnotationListEntry[];
}

export const EXPORT_FORMATS = ['brat', 'w3c', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportAnnotationsArgs {
  /** One article (`uri`) or every article of the workspace. */
  scope: 'article' | 'workspace';
  uri?: string;
  format: ExportFormat;
  /** A folder path; created when missing. */
  outDir: string;
}

export interface ExportAnnotationsResult {
  files: string[];
  articles: number;
  message: string;
}

export interface ImportBratArgs {
  /** A folder of brat `.ann` files (with their `.txt` files beside them). */
  folder: string;
}

/** Client -> server: whether the user trusts the workspace; writes are refused until they do. */
export const WorkspaceTrustNotification = new NotificationType<{ trusted: boolean }>('articleLens/workspaceTrust');

/** The arguments of `articleLens.showReferences`: where to peek, and what to list. */
export interface ShowReferencesArgs {
  uri: string;
  position: { line: number; character: number };
  locations: { uri: string; range: Range }[];
}

/** The arguments of `articleLens.openLocation`, as hovers and views encode them. */
export interface OpenLocationArgs {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Why the server left a document unanalysed. */
export type SkipReason = 'empty' | 'binary' | 'tooLarge' | 'encoding';

export interface AnalysisCounts {
  speakers: number;
  outlets: number;
  attributions: number;
  quotes: number;
}

export interface DocumentStatusParams {
  uri: string;
  /** Null when the document was analysed. */
  skipped: SkipReason | null;
  /** What to tell the user; set whenever `skipped` is. */
  message: string | null;
  counts: AnalysisCounts;
}

/** Server -> client: the state of one document's analysis, after every analysis. */
export const DocumentStatusNotification = new NotificationType<DocumentStatusParams>('articleLens/documentStatus');

export interface CorpusStatusParams {
  /**
   * True while the workspace's article files are being (re)indexed, and until the counts that
   * changed files call for are worked out. An editor's changes are counted without it, once
   * typing pauses.
   */
  indexing: boolean;
  articles: number;
  /** Articles left unanalysed (binary, too large, wrong encoding, empty). */
  skipped: number;
  speakers: number;
  quotes: number;
  /** Quotes that another article carries too. */
  linkedQuotes: number;
  /**
   * Goes up each time the counts are worked out afresh, changed or not. Views of the corpus
   * (the Quote Map, the Speakers view) ask again when it does: an edit inside a quote, or a file
   * changed on disk, that leaves every count as it was still reaches them (once typing pauses).
   */
  countedRevision: number;
}

/** Server -> client: the workspace corpus's counts, after indexing and after each change. */
export const CorpusStatusNotification = new NotificationType<CorpusStatusParams>('articleLens/corpusStatus');

/** How a quote in one article relates to the same utterance in another. */
export type LinkKind = 'exact' | 'partial' | 'paraphrase';

/** A place in an article, with a label to show for it. */
export interface ArticleLocation {
  uri: string;
  range: Range;
  /** The article's file name. */
  article: string;
  /** The outlet the article comes from, when the corpus knows it. */
  outlet: string | null;
}

export interface QuoteMapArticle {
  uri: string;
  article: string;
  outlet: string | null;
}

export interface QuoteMapCell {
  /** Index into `QuoteMapResult.articles`. */
  article: number;
  kind: LinkKind;
  range: Range;
  text: string;
}

export interface QuoteMapRow {
  id: string;
  text: string;
  speaker: string | null;
  /** How many articles carry the quote, verbatim or restated, whether their columns are shown or not. */
  articles: number;
  /** Its places in the shown articles. */
  cells: QuoteMapCell[];
}

/**
 * Quotes carried by more than one article (rows, the most widely carried first) by articles
 * (columns). A large corpus shows only some of them: the totals say how many there are.
 */
export interface QuoteMapResult {
  articles: QuoteMapArticle[];
  quotes: QuoteMapRow[];
  /** Articles that carry a shared quote of the map's rows. */
  totalArticles: number;
  /** Quotes carried by more than one article. */
  totalQuotes: number;
}

export const QuoteMapRequest = new RequestType0<QuoteMapResult, void>('articleLens/quoteMap');

/** One quote of one article, by its id there: how a view asks for more about a quote it lists. */
export interface QuoteRef {
  uri: string;
  quoteId: string;
}

export interface SpeakerQuote {
  text: string;
  /** How many articles carry the quote, verbatim or restated. */
  articles: number;
  /** One of the speaker's copies of the quote: `QuoteOccurrencesRequest` lists every place the quote stands. */
  ref: QuoteRef;
}

export interface SpeakerName {
  name: string;
  aliases: string[];
}

export interface CorpusSpeaker extends SpeakerName {
  mentions: number;
  quotes: SpeakerQuote[];
}

/**
 * Every speaker of the corpus (merged across articles) with their quotes. Where each quote stands
 * comes apart (`QuoteOccurrencesRequest`): a widely carried quote stands in hundreds of articles.
 */
export const SpeakersRequest = new RequestType0<{ speakers: CorpusSpeaker[] }, void>('articleLens/speakers');

/**
 * The corpus's speakers by name alone, for pickers: `SpeakersRequest` works out which quotes are
 * one utterance across articles first, seconds at thousands of articles.
 */
export const SpeakerNamesRequest = new RequestType0<SpeakerName[], void>('articleLens/speakerNames');

export type QuoteOccurrence = ArticleLocation & { kind: LinkKind };

/**
 * Every place that carries the same utterance as a quote: its copies in any article, then its
 * paraphrases. Empty when the quote is gone (the corpus changed since the quote was listed).
 */
export const QuoteOccurrencesRequest = new RequestType<QuoteRef, QuoteOccurrence[], void>('articleLens/quoteOccurrences');

export interface QuoteLinksResult {
  quote: { text: string; speaker: string | null };
  /** Verbatim occurrences, this one included. */
  occurrences: (ArticleLocation & { kind: 'exact' | 'partial' | 'self'; text: string })[];
  /** Unquoted restatements: weaker links, kept apart. */
  paraphrases: (ArticleLocation & { text: string; score: number })[];
}

/** Every place in the corpus that carries the quote at a position, each marked with its kind. */
export const QuoteLinksRequest = new RequestType<TextDocumentPositionParams, QuoteLinksResult | null, void>('articleLens/quoteLinks');

export interface DocumentTextResult {
  version: number;
  text: string;
}

/**
 * The text and version the server holds for an open document (null when it is not open): lets
 * tests prove that incremental edits arrive intact. Cheap, read-only, and nothing the client lacks.
 */
export const DocumentTextRequest = new RequestType<{ uri: string }, DocumentTextResult | null, void>('articleLens/documentText');
