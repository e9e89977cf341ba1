/**
 * Everything client and server agree on: custom messages, command ids, the token legend and
 * the settings shape. Declared once here and imported by both sides.
 */
import { NotificationType, RequestType, RequestType0, type Range, type TextDocumentPositionParams } from 'vscode-languageserver-protocol';

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
} as const;

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
  /** True while the workspace's article files are being (re)indexed. */
  indexing: boolean;
  articles: number;
  /** Articles left unanalysed (binary, too large, wrong encoding, empty). */
  skipped: number;
  speakers: number;
  quotes: number;
  /** Quotes that another article carries too. */
  linkedQuotes: number;
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
  cells: QuoteMapCell[];
}

/** Quotes carried by more than one article (rows) by articles (columns). */
export interface QuoteMapResult {
  articles: QuoteMapArticle[];
  quotes: QuoteMapRow[];
}

export const QuoteMapRequest = new RequestType0<QuoteMapResult, void>('articleLens/quoteMap');

export interface SpeakerQuote {
  text: string;
  occurrences: (ArticleLocation & { kind: LinkKind })[];
}

export interface CorpusSpeaker {
  name: string;
  aliases: string[];
  mentions: number;
  quotes: SpeakerQuote[];
}

/** Every speaker of the corpus (merged across articles) with their quotes and where each stands. */
export const SpeakersRequest = new RequestType0<{ speakers: CorpusSpeaker[] }, void>('articleLens/speakers');

export interface QuoteLinksResult {
  quote: { text: string; speaker: string | null };
  /** Verbatim occurrences, this one included. */
  occurrences: (ArticleLocation & { kind: 'exact' | 'partial' | 'self'; text: string })[];
  /** Unquoted restatements: weaker links, kept apart. */
  paraphrases: (ArticleLocation & { text: string; score: number })[];
}

/** Every place in the corpus that carries the quote at a position, each marked with its kind. */
export const QuoteLinksRequest = new RequestType<TextDocumentPositionParams, QuoteLinksResult | null, void>('articleLens/quoteLinks');
