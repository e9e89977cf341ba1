import { digest } from './hashing';
import { SHORT_QUOTE_WORDS } from './thresholds';
import type { ClusterOccurrence, ClusterParaphrase, Paraphrase, QuoteCluster, QuoteInput, QuoteMatch, TextSpan } from './types';

/** What clustering reads from the matcher. */
export interface ClusterSource {
  articleIds(): string[];
  quotesOf(articleId: string): readonly QuoteInput[];
  quoteSpan(articleId: string, quoteId: string): TextSpan | null;
  comparableText(articleId: string, quoteId: string): string | null;
  matchKey(articleId: string, quoteId: string): string | null;
  matchesOf(articleId: string, quoteId: string): QuoteMatch[];
  paraphrasesOf(articleId: string, quoteId: string): Paraphrase[];
}

interface Member {
  readonly articleId: string;
  readonly quoteId: string;
  readonly span: TextSpan;
  readonly comparable: string;
  /** How many words `comparable` has. */
  readonly words: number;
}

const SLUG_WORDS = 6;

/**
 * Joins quotes connected by verbatim matches (directly or through other quotes) and keeps the
 * groups that reach into a second article or are restated elsewhere. Everything that identifies
 * or orders a cluster comes from its content, so the result does not depend on insertion order.
 */
export function buildClusters(source: ClusterSource): QuoteCluster[] {
  const steps = clusterSteps(source);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** `buildClusters`, yielding between pieces of work, so that a caller can let other work in. */
export function* clusterSteps(source: ClusterSource): Generator<void, QuoteCluster[]> {
  const members: Member[] = [];
  const memberIndex = new Map<string, number>();
  for (const articleId of source.articleIds().sort()) {
    for (const quote of source.quotesOf(articleId)) {
      const span = source.quoteSpan(articleId, quote.id);
      const comparable = source.comparableText(articleId, quote.id);
      if (span === null || comparable === null || comparable === '') continue;
      memberIndex.set(key(articleId, quote.id), members.length);
      members.push({ articleId, quoteId: quote.id, span, comparable, words: comparable.split(' ').length });
    }
  }
  const parent = members.map((_member, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] = parent[parent[at] ?? at] ?? at;
    return at;
  };
  const join = (one: number, other: number): void => {
    const [a, b] = [root(one), root(other)];
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const short = members.map((member) => member.words <= SHORT_QUOTE_WORDS);
  // A short quote ("harsh retaliation") found inside longer ones must not chain them together:
  // it joins the cluster it is found in only when that cluster is the only one.
  const shortLinks: [number, number][] = [];
  // A quote copied into thousands of articles would be matched against each copy from each copy.
  // Copies have the same matches (their key says so) and match each other exactly: the first
  // copy's matches are worked out, and every other copy joins it.
  const firstWithKey = new Map<string, number>();
  for (const [index, member] of members.entries()) {
    const matchKey = source.matchKey(member.articleId, member.quoteId);
    const first = matchKey === null ? undefined : firstWithKey.get(matchKey);
    if (first !== undefined) {
      join(index, first);
      continue;
    }
    if (matchKey !== null) firstWithKey.set(matchKey, index);
    for (const match of source.matchesOf(member.articleId, member.quoteId)) {
      const other = memberIndex.get(key(match.articleId, match.quoteId));
      if (other === undefined) continue;
      if (match.kind === 'exact' || (!short[index] && !short[other])) join(index, other);
      else if (short[index]) shortLinks.push([index, other]);
    }
    yield;
  }
  const hosts = new Map<number, Set<number>>();
  for (const [shortIndex, longIndex] of shortLinks) {
    if (short[longIndex]) continue;
    const found = hosts.get(root(shortIndex)) ?? new Set<number>();
    found.add(root(longIndex));
    hosts.set(root(shortIndex), found);
  }
  for (const [shortRoot, found] of hosts) {
    const [only, ...more] = [...found];
    if (only !== undefined && more.length === 0 && hostsOnlyShort(members, shortRoot, root, short)) join(shortRoot, only);
  }
  const groups = new Map<number, Member[]>();
  members.forEach((member, index) => {
    const group = groups.get(root(index)) ?? [];
    group.push(member);
    groups.set(root(index), group);
  });
  const clusters: QuoteCluster[] = [];
  for (const group of groups.values()) {
    const paraphrases = yield* clusterParaphrases(source, group);
    const articles = new Set(group.map((member) => member.articleId));
    if (articles.size < 2 && paraphrases.length === 0) continue;
    clusters.push(describe(group, paraphrases));
  }
  return clusters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** True when every quote of the group headed by `groupRoot` is short, so it has no cluster of its own to stay in. */
function hostsOnlyShort(members: readonly Member[], groupRoot: number, root: (index: number) => number, short: readonly boolean[]): boolean {
  return members.every((_member, index) => root(index) !== groupRoot || short[index]);
}

function describe(group: readonly Member[], paraphrases: ClusterParaphrase[]): QuoteCluster {
  // The first in that order, found in one pass: a quote copied into thousands of articles made sorting its copies a cost of its own.
  const longest = group.reduce((first, member) => (byLengthThenContent(member, first) < 0 ? member : first));
  const words = longest.comparable.split(' ');
  const slug = words.slice(0, SLUG_WORDS).join('-').replace(/[^a-z0-9-]/g, '');
  const occurrences: ClusterOccurrence[] = group
    .map((member) => ({
      articleId: member.articleId,
      quoteId: member.quoteId,
      ...member.span,
      kind: member.comparable === longest.comparable ? ('exact' as const) : ('partial' as const),
    }))
    .sort((a, b) => compareText(a.articleId, b.articleId) || a.start - b.start);
  return { id: `${slug}-${digest(longest.comparable)}`, text: longest.span.text, occurrences, paraphrases };
}

function* clusterParaphrases(source: ClusterSource, group: readonly Member[]): Generator<void, ClusterParaphrase[]> {
  const best = new Map<string, ClusterParaphrase>();
  // The keys of `best` by article, in `best`'s order: only paraphrases in the same article can
  // overlap, and a quote restated in thousands of articles made a search of all of them
  // quadratic (the Quote Map's first clustering at 5,000 articles spent a fifth of its time here).
  const keysByArticle = new Map<string, Set<string>>();
  for (const member of group) {
    yield;
    for (const paraphrase of source.paraphrasesOf(member.articleId, member.quoteId)) {
      let articleKeys = keysByArticle.get(paraphrase.articleId);
      if (articleKeys === undefined) keysByArticle.set(paraphrase.articleId, (articleKeys = new Set()));
      const overlapping = firstOverlapping(best, articleKeys, paraphrase);
      // Copies of a quote find the same restatements again: most are not kept, and are not copied.
      if (overlapping && !betterParaphrase(paraphrase, member, overlapping.kept)) continue;
      if (overlapping) {
        best.delete(overlapping.key);
        articleKeys.delete(overlapping.key);
      }
      const key = `${paraphrase.articleId}\u0000${paraphrase.start}`;
      best.set(key, { ...paraphrase, quoteArticleId: member.articleId, quoteId: member.quoteId });
      articleKeys.add(key);
    }
  }
  return [...best.values()].sort((a, b) => compareText(a.articleId, b.articleId) || a.start - b.start);
}

/** The first of `keys` (in order) whose paraphrase in `best` overlaps `found`. */
function firstOverlapping(best: ReadonlyMap<string, ClusterParaphrase>, keys: ReadonlySet<string>, found: Paraphrase): { key: string; kept: ClusterParaphrase } | null {
  for (const key of keys) {
    const kept = best.get(key) as ClusterParaphrase;
    if (kept.start < found.end && found.start < kept.end) return { key, kept };
  }
  return null;
}

/** Whether `candidate`, found restating the quote of `restated`, is better than `kept`: the higher score, then the quote that sorts first. */
function betterParaphrase(candidate: Paraphrase, restated: Member, kept: ClusterParaphrase): boolean {
  if (candidate.score !== kept.score) return candidate.score > kept.score;
  return compareText(`${restated.articleId}\u0000${restated.quoteId}`, `${kept.quoteArticleId}\u0000${kept.quoteId}`) < 0;
}

function byLengthThenContent(a: Member, b: Member): number {
  const lengths = b.words - a.words;
  return lengths || compareText(a.comparable, b.comparable) || compareText(a.articleId, b.articleId) || a.span.start - b.span.start;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function key(articleId: string, quoteId: string): string {
  return `${articleId}\u0000${quoteId}`;
}
