/**
 * Everything client and server agree on: custom messages, command ids, the token legend and
 * the settings shape. Declared once here and imported by both sides.
 */
import { NotificationType } from 'vscode-languageserver-protocol';

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
} as const;

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
