import { alignLocally } from './alignment';
import { CarriedMemo } from './carriedMemo';
import { buildClusters, clusterSteps, type ClusterSource } from './clusters';
import { contentForm } from './contentWords';
import { hashPair, hashSequence } from './hashing';
import { normaliseWords } from './normalise';
import { grown, PostingIndex } from './postingIndex';
import type { MatcherSnapshot } from './matcherSnapshot';
import { joinedFrom } from './joinPrepared';
import { MAX_QUOTES_PER_ARTICLE, prepareArticle, preparedFor, preparedWords, takePreparedSlots, type PreparedArticle } from './preparedArticle';
import { SharedBuffer } from './sharedBuffer';
import type { WordSlot } from './spellings';
import {
  MAX_PAIR_POSTINGS,
  MAX_WORD_POSTINGS,
  MIN_CONTAINED_WORDS,
  MIN_PARAPHRASE_COVERAGE,
  MIN_PARAPHRASE_DENSITY,
  MIN_PARAPHRASE_SHARED,
  MIN_PARAPHRASE_SHARED_PART,
  MIN_PARAPHRASED_QUOTE_WORDS,
  MIN_PROPORTIONAL_RUN,
  MIN_SHARED_RUN,
  MIN_SHARED_RUN_SHARE,
  MAX_PARAPHRASE_CANDIDATES,
  MIN_PARAPHRASE_LOOKUP_HITS,
  SHORT_QUOTE_WORDS,
} from './thresholds';
import { RecordQuotes } from './recordQuotes';
import type { LaterQuotes, Paraphrase, QuoteCluster, QuoteInput, QuoteMatch, TextSpan } from './types';
import { Vocabulary } from './vocabulary';
import { containedAt, longestSharedRun, sameWords, type WordRange, type WordSequence } from './wordRuns';
import { tabledWords, type TabledWords, type WordTable } from './wordTable';

export { MAX_QUOTES_PER_ARTICLE } from './preparedArticle';

/** Stale postings tolerated before compacting, whatever the size of the corpus. */
const MIN_STALE_TO_COMPACT = 50_000;
/**
 * How many of a key's newest postings removal looks through for an article's own. An article
 * set again soon after (an editor's, at each keystroke) has its postings at the heads of their
 * lists, so they are unlinked at once and never wait for a compaction of the whole index.
 */
const REMOVAL_REACH = 16;
/**
 * The same, for one quote or passage of an article set again in place (`replaceInPlace`): its
 * postings lie among the article's others, as deep as the article has quotes sharing a word pair.
 */
const IN_PLACE_REACH = 256;
/** Changed quotes and passages beyond which an article is replaced whole rather than in place. */
const IN_PLACE_CHANGES = 16;

interface ArticleRecord {
  readonly id: string;
  readonly slot: number;
  readonly text: string;
  readonly quotes: RecordQuotes;
  /**
   * The prepared input's own packed quotes (per quote: word count n, segment count s, then n
   * article-local word ids, n starts, n ends, s segment starts), shared with it, not copied.
   */
  readonly packed: Uint32Array;
  /**
   * The quotes' words as corpus word ids: for k quotes, k + 1 offsets into this same array
   * (quote i's ids run from the i-th to the (i + 1)-th), then the ids themselves.
   */
  readonly wordIds: Uint32Array;
  readonly quoteBase: Uint32Array;
  readonly wholeKeys: Int32Array;
  readonly passageSlots: Int32Array;
  /** The distinct content word ids each passage was indexed under, passage after passage, so removal need not read the text again. */
  readonly passageWords: Int32Array;
  /** How many of `passageWords` are each passage's. */
  readonly passageSizes: Int32Array;
  /** Each quote's `wordsKey`, made when first asked for: a keystroke in a long article asks for every quote's, and changes one or two. */
  readonly matchKeys: (string | undefined)[];
  /** What the article's text and quotes follow from (see Article.fingerprint): a restored record is claimed by the same one. */
  readonly fingerprint: string | null;
}

/** An article's arrays in the indexes' terms, which are all that unindexing it reads. */
interface IndexedArticle extends OwnArrays {
  readonly slot: number;
  readonly quoteCount: number;
}

/**
 * An article restored from a snapshot (see `QuoteMatcher.restored`): its postings are in the
 * indexes, but queries pass it by until its article is set again with the same fingerprint.
 */
interface UnclaimedArticle extends IndexedArticle {
  readonly id: string;
  readonly fingerprint: string;
}

/** A passage that restates a quote: where it stands, and which of the quote's content words (`quoteFrom` to `quoteTo`) it restates. */
interface Restatement {
  readonly other: ArticleRecord;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly sharedWords: number;
  readonly quoteFrom: number;
  readonly quoteTo: number;
}

/** A stored quote read back from its article's packed words. */
interface QuoteView extends WordSequence {
  readonly ids: Uint32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly segmentStarts: Uint32Array;
}

interface ContentWords {
  readonly ids: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Figures for benchmarks and the status item. */
export interface MatcherStats {
  readonly articles: number;
  readonly quotes: number;
  readonly pairPostings: number;
  readonly pairKeys: number;
  readonly passages: number;
  readonly wordPostings: number;
  readonly words: number;
  readonly indexBytes: number;
}

/**
 * Finds the same quote across the articles of a corpus, and unquoted passages that restate it.
 *
 * Every quote is indexed by its whole normalised word sequence and by each pair of adjacent
 * words; every unquoted passage by its content words. A query looks candidates up there and
 * verifies only those, so its cost follows the few quotes that share words with the queried one,
 * not the size of the corpus. Nothing pairwise is stored: matches are worked out when asked for.
 */
export class QuoteMatcher implements ClusterSource {
  private vocabulary = new Vocabulary();
  private readonly articles = new Map<string, ArticleRecord>();
  private readonly bySlot: (ArticleRecord | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private wholeIndex = new PostingIndex();
  private pairIndex = new PostingIndex();
  private wordIndex = new PostingIndex();
  private passageArticle: Int32Array = new Int32Array(1024);
  private passageStart: Int32Array = new Int32Array(1024);
  private passageEnd: Int32Array = new Int32Array(1024);
  private passageCount = 0;
  private readonly freePassages: number[] = [];
  // Slots of removed articles and passages: their stale postings still name them, so they are
  // reused only after the indexes have been compacted.
  private readonly retiredSlots: number[] = [];
  private readonly retiredPassages: number[] = [];
  private quoteCount = 0;
  private readonly carried = new CarriedMemo();
  /** Corpus ids of the word lists of a long article's sections (see `corpusIds`). */
  private readonly sectionIds = new WeakMap<PreparedArticle, Uint32Array>();
  /** Corpus ids of word tables' words, by position (0 where not looked up yet). */
  private readonly tableIds = new WeakMap<WordTable, Uint32Array>();
  /** Bumped at every change: work begun on an earlier corpus is stale. */
  private version = 0;
  /** Restored articles not set again yet, by id, and the slots they hold. */
  private readonly unclaimed = new Map<string, UnclaimedArticle>();
  private readonly unclaimedSlots = new Set<number>();
  private indexChanges = 0;

  /**
   * Adds an article, or replaces what was known of it. Quote spans are offsets into `text`;
   * the quotes are kept as given, and must not be changed afterwards (an analysis never is).
   * `prepared` (from `prepareArticle`, e.g. on a worker thread) saves reading the text again
   * when it was made for these very quotes; the result is the same either way. `fingerprint`
   * identifies the text and quotes (the same ones always give the same fingerprint): a restored
   * article with the same one is taken as it was indexed, and quotes given as LaterQuotes are
   * then not read.
   */
  setArticle(articleId: string, text: string, quotes: readonly QuoteInput[] | LaterQuotes, prepared: PreparedArticle | null = null, fingerprint: string | null = null): void {
    if ('read' in quotes) {
      const later = RecordQuotes.later(Math.min(quotes.count, MAX_QUOTES_PER_ARTICLE), () => keptOf(quotes.read()));
      if (prepared !== null && prepared.quoteSpans.length === 2 * later.count && this.claimed(articleId, text, later, prepared, fingerprint)) return;
      this.setArticle(articleId, text, quotes.read(), prepared, fingerprint);
      return;
    }
    const kept = keptOf(quotes);
    const input = prepared !== null && preparedFor(prepared, kept) ? prepared : prepareArticle(text, kept);
    if (this.claimed(articleId, text, RecordQuotes.of(kept), input, fingerprint)) return;
    this.indexChanges += 1;
    // Local word ids to corpus ids, in the order the words were first met: the vocabulary grows as if the text were read here.
    const ids = this.corpusIds(input);
    const own = ownArrays(kept.length, input);
    quoteWordIds(kept.length, input, ids, own);
    passageWordIds(input, ids, own);
    const { wordIds, wholeKeys, passageWords, passageSizes, passageSlots } = own;
    const old = this.articles.get(articleId);
    const content = { id: articleId, text, quotes: RecordQuotes.following(kept, old?.quotes), packed: input.packed, wordIds, quoteBase: input.quoteBase, wholeKeys, passageWords, passageSizes, passageSlots, matchKeys: [], fingerprint };
    if (old && this.replaceInPlace(old, content, input.passageSpans)) return;
    this.removeArticle(articleId);
    this.carried.noteChange(articleId);
    this.version += 1;
    const slot = this.freeSlots.pop() ?? this.bySlot.length;
    let at = 0;
    for (let index = 0; index < passageSizes.length; index += 1) {
      const size = passageSizes[index] ?? 0;
      passageSlots[index] = this.addPassage(slot, input.passageSpans, index, passageWords, at, at + size);
      at += size;
    }
    const record = withSlot(content, slot);
    this.articles.set(articleId, record);
    this.bySlot[slot] = record;
    kept.forEach((_quote, index) => this.indexQuote(record, index));
    this.quoteCount += kept.length;
  }

  /**
   * Replaces an article's record in its own slot, unindexing and indexing only the quotes and
   * passages whose words changed: a keystroke in a long article changes one or two of its
   * hundreds. False, with nothing changed, when a posting to unindex is out of removal's reach
   * (the caller then replaces the article whole, leaving such postings stale in a retired slot).
   */
  private replaceInPlace(old: ArticleRecord, content: Omit<ArticleRecord, 'slot'>, passageSpans: Int32Array): boolean {
    const slot = old.slot;
    const quoteValue = (index: number): number => slot * MAX_QUOTES_PER_ARTICLE + index;
    const oldPassages = passageOffsets(old.passageSizes);
    const newPassages = passageOffsets(content.passageSizes);
    // A quote's ids lie between two of the offsets that open `wordIds` (see ArticleRecord).
    const changedQuotes = changedStretches({ words: old.wordIds, offsets: old.wordIds, count: old.quotes.count }, { words: content.wordIds, offsets: content.wordIds, count: content.quotes.count });
    const changedPassages = changedStretches(
      { words: old.passageWords, offsets: oldPassages, count: old.passageSizes.length },
      { words: content.passageWords, offsets: newPassages, count: content.passageSizes.length },
    );
    // A quote added or removed renumbers every later one, which the whole replacement does cheaper.
    if (changedQuotes.length + changedPassages.length > IN_PLACE_CHANGES) return false;
    const removedQuotes = changedQuotes.filter((index) => index < old.quotes.count);
    const removedPassages = changedPassages.filter((index) => index < old.passageSizes.length);
    // Removal must unlink every posting it takes back: a stale one would name a quote or passage that now says something else.
    for (const index of removedQuotes) {
      const own = (value: number): boolean => value === quoteValue(index);
      let reached = this.wholeIndex.reaches(old.wholeKeys[index] ?? 0, own, IN_PLACE_REACH);
      forEachDistinctPair(wordIds(old, index), (pair) => (reached &&= this.pairIndex.reaches(pair, own, IN_PLACE_REACH)));
      if (!reached) return false;
    }
    for (const index of removedPassages) {
      const passage = old.passageSlots[index] ?? -1;
      for (const id of old.passageWords.subarray(oldPassages[index], oldPassages[index + 1])) if (!this.wordIndex.reaches(id, (value) => value === passage, IN_PLACE_REACH)) return false;
    }
    this.carried.noteChange(old.id);
    this.version += 1;
    for (const index of removedQuotes) this.unindexQuote(old, index, (value) => value === quoteValue(index), IN_PLACE_REACH);
    for (const index of removedPassages) {
      const passage = old.passageSlots[index] ?? -1;
      for (const id of old.passageWords.subarray(oldPassages[index], oldPassages[index + 1])) this.wordIndex.remove(id, (value) => value === passage, IN_PLACE_REACH);
      this.passageArticle[passage] = -1;
      this.freePassages.push(passage);
    }
    const passageSlots = content.passageSlots;
    const changedPassage = new Set(changedPassages);
    for (let index = 0; index < passageSlots.length; index += 1) {
      if (changedPassage.has(index)) {
        passageSlots[index] = this.addPassage(slot, passageSpans, index, content.passageWords, newPassages[index] ?? 0, newPassages[index + 1] ?? 0);
        continue;
      }
      // The same words, perhaps moved by an edit before them.
      const passage = old.passageSlots[index] ?? -1;
      passageSlots[index] = passage;
      this.passageStart[passage] = passageSpans[2 * index] ?? 0;
      this.passageEnd[passage] = passageSpans[2 * index + 1] ?? 0;
    }
    const record = withSlot(content, slot);
    this.articles.set(old.id, record);
    this.bySlot[slot] = record;
    const changedQuote = new Set(changedQuotes);
    old.matchKeys.forEach((key, index) => {
      if (key !== undefined && !changedQuote.has(index) && sameWords(segmentStarts(old, index), segmentStarts(record, index))) record.matchKeys[index] = key;
    });
    for (const index of changedQuotes) if (index < content.quotes.count) this.indexQuote(record, index);
    this.quoteCount += content.quotes.count - old.quotes.count;
    return true;
  }


  removeArticle(articleId: string): void {
    const unclaimed = this.unclaimed.get(articleId);
    if (unclaimed) this.dropUnclaimed(unclaimed);
    const record = this.articles.get(articleId);
    if (!record) return;
    this.carried.noteChange(articleId);
    this.version += 1;
    this.quoteCount -= record.quotes.count;
    this.articles.delete(articleId);
    this.bySlot[record.slot] = undefined;
    this.unindex({ slot: record.slot, quoteCount: record.quotes.count, wordIds: record.wordIds, wholeKeys: record.wholeKeys, passageWords: record.passageWords, passageSizes: record.passageSizes, passageSlots: record.passageSlots });
  }

  /** Takes an article's postings out of the indexes and frees its slots (see `removeArticle`). */
  private unindex(article: IndexedArticle): void {
    this.indexChanges += 1;
    const ownQuote = (value: number): boolean => Math.floor(value / MAX_QUOTES_PER_ARTICLE) === article.slot;
    const ownPassage = (passage: number): boolean => this.passageArticle[passage] === article.slot;
    let left = 0;
    for (let index = 0; index < article.quoteCount; index += 1) left += this.unindexQuote(article, index, ownQuote);
    for (const id of article.passageWords) if (!this.wordIndex.remove(id, ownPassage, REMOVAL_REACH)) left += 1;
    for (const passage of article.passageSlots) this.passageArticle[passage] = -1;
    // With none of its postings left behind, the article's slots are free at once.
    if (left === 0) {
      this.freeSlots.push(article.slot);
      this.freePassages.push(...article.passageSlots);
    } else {
      this.retiredSlots.push(article.slot);
      this.retiredPassages.push(...article.passageSlots);
    }
    this.compactWhenStale();
  }

  /**
   * Takes a restored article's record into use when its article comes back as it was indexed
   * (the same fingerprint): its postings are in place already, so nothing is looked up or
   * indexed. A restored record the article does not claim is unindexed.
   */
  private claimed(articleId: string, text: string, quotes: RecordQuotes, input: PreparedArticle, fingerprint: string | null): boolean {
    const unclaimed = this.unclaimed.get(articleId);
    if (!unclaimed) return false;
    if (fingerprint === null || fingerprint === '' || fingerprint !== unclaimed.fingerprint || !fitsInput(unclaimed, quotes.count, input)) {
      this.dropUnclaimed(unclaimed);
      return false;
    }
    this.unclaimed.delete(articleId);
    this.unclaimedSlots.delete(unclaimed.slot);
    this.carried.noteChange(articleId);
    this.version += 1;
    const { slot, wordIds, wholeKeys, passageWords, passageSizes, passageSlots } = unclaimed;
    const record: ArticleRecord = { id: articleId, slot, text, quotes, packed: input.packed, wordIds, quoteBase: input.quoteBase, wholeKeys, passageSlots, passageWords, passageSizes, matchKeys: [], fingerprint };
    this.articles.set(articleId, record);
    this.bySlot[slot] = record;
    this.quoteCount += quotes.count;
    return true;
  }

  private dropUnclaimed(unclaimed: UnclaimedArticle): void {
    this.unclaimed.delete(unclaimed.id);
    this.unclaimedSlots.delete(unclaimed.slot);
    this.unindex(unclaimed);
  }

  /** Unindexes the restored articles not claimed yet: their files are gone, or were never listed again. */
  forgetUnclaimed(): void {
    for (const unclaimed of [...this.unclaimed.values()]) this.dropUnclaimed(unclaimed);
  }

  /** Counts changes to the indexes (a restored article claimed changes nothing): the snapshot to save is stale when it moved. */
  get indexRevision(): number {
    return this.indexChanges;
  }

  hasArticle(articleId: string): boolean {
    return this.articles.has(articleId);
  }

  articleIds(): string[] {
    return [...this.articles.keys()];
  }

  /** The quotes of an article as they were indexed. */
  quotesOf(articleId: string): readonly QuoteInput[] {
    return this.articles.get(articleId)?.quotes.all ?? [];
  }

  /** The normalised words of a quote joined by spaces ("iran never won a war"), or null if unknown. */
  comparableText(articleId: string, quoteId: string): string | null {
    const record = this.articles.get(articleId);
    const index = record?.quotes.indexOf(quoteId);
    if (!record || index === undefined) return null;
    const quote = record.quotes.at(index);
    return comparableWords(record.text, quote.start, quote.end);
  }

  /** Identifies the quote's words as matching reads them: quotes with the same key have the same matches. Null if unknown. */
  matchKey(articleId: string, quoteId: string): string | null {
    const record = this.articles.get(articleId);
    const index = record?.quotes.indexOf(quoteId);
    return !record || index === undefined ? null : this.matchKeyOf(record, index);
  }

  private matchKeyOf(record: ArticleRecord, index: number): string {
    return (record.matchKeys[index] ??= wordsKey(this.view(record, index)));
  }

  /** The quote's span and text, or null if unknown. */
  quoteSpan(articleId: string, quoteId: string): TextSpan | null {
    const record = this.articles.get(articleId);
    const index = record?.quotes.indexOf(quoteId);
    if (!record || index === undefined) return null;
    const quote = record.quotes.at(index);
    return span(record.text, quote.start, quote.end);
  }

  /** Other quotes, in other articles or the same one, that reproduce this quote or a part of it. */
  matchesOf(articleId: string, quoteId: string): QuoteMatch[] {
    const record = this.articles.get(articleId);
    const index = record?.quotes.indexOf(quoteId);
    if (!record || index === undefined) return [];
    const matches: QuoteMatch[] = [];
    this.forEachMatch(record, index, false, (match) => {
      matches.push(match);
      return true;
    });
    return matches.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.quote.start - b.quote.start));
  }

  /**
   * Calls `visit` with each match of the quote, in no particular order, until it answers false.
   * With `elsewhereOnly`, the quotes of its own article are not even verified.
   */
  private forEachMatch(record: ArticleRecord, index: number, elsewhereOnly: boolean, visit: (match: QuoteMatch) => boolean): void {
    const own = this.view(record, index);
    if (own.ids.length === 0) return;
    const ownValue = record.slot * MAX_QUOTES_PER_ARTICLE + index;
    const candidates = new Map<number, number>();
    this.wholeIndex.forEach(record.wholeKeys[index] ?? 0, (value) => candidates.set(value, Number.POSITIVE_INFINITY));
    const commonPairs = new Set<number>();
    forEachDistinctPair(own.ids, (pair) => {
      if (this.pairIndex.count(pair) > MAX_PAIR_POSTINGS) commonPairs.add(pair);
      else this.pairIndex.forEach(pair, (value) => candidates.set(value, (candidates.get(value) ?? 0) + 1));
    });
    const ownHasFewPairs = hasFewerThanTwoPairs(own);
    for (const [value, hits] of candidates) {
      if (value === ownValue) continue;
      const other = this.bySlot[Math.floor(value / MAX_QUOTES_PER_ARTICLE)];
      const otherIndex = value % MAX_QUOTES_PER_ARTICLE;
      if (!other || (elsewhereOnly && other === record)) continue;
      const theirs = this.view(other, otherIndex);
      // Every rule but equality needs two shared word pairs, unless a quote has fewer than two.
      // The count adds the common pairs left out of the lookup, so the test is the same from both sides.
      const shared = hits >= 2 ? hits : hits + countSharedPairs(commonPairs, theirs.ids);
      if (shared < 2 && (shared === 0 || (!ownHasFewPairs && !hasFewerThanTwoPairs(theirs)))) continue;
      const match = compareQuotes(record, own, other, otherIndex, theirs);
      if (match && !visit(match)) return;
    }
  }

  /**
   * Whether another article carries this quote (a verbatim match of any kind there): the
   * answer of `matchesOf`, but an exact copy elsewhere, the common case, settles it without
   * verifying every candidate.
   */
  carriedElsewhere(articleId: string, quoteId: string, remember = true): boolean {
    const record = this.articles.get(articleId);
    const index = record?.quotes.indexOf(quoteId);
    if (!record || index === undefined) return false;
    const ids = wordIds(record, index);
    if (ids.length === 0) return false;
    // A count over the whole corpus passes `remember = false`: the memo keeps a few articles, so
    // remembering answers for thousands would only make garbage.
    if (!remember && !this.carried.remembers(articleId)) return this.findCarriedElsewhere(record, index, ids);
    return this.carried.carried(articleId, this.matchKeyOf(record, index), () => this.findCarriedElsewhere(record, index, ids));
  }

  /** Stops at the first match in another article: typing a word into a widely carried quote leaves hundreds of partial matches, and one settles it. */
  private findCarriedElsewhere(record: ArticleRecord, index: number, ids: Uint32Array): boolean {
    const exactElsewhere = this.wholeIndex.some(record.wholeKeys[index] ?? 0, (value) => {
      const other = this.bySlot[Math.floor(value / MAX_QUOTES_PER_ARTICLE)];
      return other !== undefined && other !== record && sameWords(ids, wordIds(other, value % MAX_QUOTES_PER_ARTICLE));
    });
    if (exactElsewhere) return true;
    let found = false;
    this.forEachMatch(record, index, true, () => {
      found = true;
      return false;
    });
    return found;
  }

  /** Unquoted passages of other articles that restate this quote (quotes of at least six words). */
  paraphrasesOf(articleId: string, quoteId: string): Paraphrase[] {
    return this.paraphrasesRemembering(articleId, quoteId, null);
  }

  /** `paraphrasesOf`, keeping restatements in `remembered` by the quote's words for its copies elsewhere. */
  private paraphrasesRemembering(articleId: string, quoteId: string, remembered: Map<string, Restatement[]> | null): Paraphrase[] {
    const record = this.articles.get(articleId);
    const index = record?.quotes.indexOf(quoteId);
    if (!record || index === undefined) return [];
    const quote = record.quotes.at(index);
    if ((record.packed[record.quoteBase[index] ?? 0] ?? 0) < MIN_PARAPHRASED_QUOTE_WORDS) return [];
    const wordsOfQuote = remembered === null ? null : this.matchKeyOf(record, index);
    let restatements = wordsOfQuote === null ? undefined : remembered?.get(wordsOfQuote);
    let content: ContentWords | null = null;
    if (!restatements) {
      content = this.contentWords(record.text, quote.start, quote.end);
      restatements = this.restatementsOf(content.ids);
      if (wordsOfQuote !== null) remembered?.set(wordsOfQuote, restatements);
    }
    // Most quotes are restated nowhere: a remembered copy's words need not be read again for nothing.
    if (restatements.length === 0) return [];
    content ??= this.contentWords(record.text, quote.start, quote.end);
    const paraphrases: Paraphrase[] = [];
    for (const { other, start, end, score, sharedWords, quoteFrom, quoteTo } of restatements) {
      if (other === record) continue;
      const quoteExcerpt = span(record.text, content.starts[quoteFrom] ?? 0, content.ends[quoteTo - 1] ?? 0);
      paraphrases.push({ articleId: other.id, ...span(other.text, start, end), score, sharedWords, quoteExcerpt });
    }
    return paraphrases.sort((a, b) => b.score - a.score || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start));
  }

  /** The passages that restate a quote with these content words, in any article (its own too: the caller leaves it out). */
  private restatementsOf(ids: Int32Array): Restatement[] {
    const hits = new Map<number, number>();
    let tooCommon = 0;
    for (const id of new Set(ids)) {
      if (id === 0) continue;
      if (this.wordIndex.count(id) > MAX_WORD_POSTINGS) tooCommon += 1;
      else this.wordIndex.forEach(id, (passage) => hits.set(passage, (hits.get(passage) ?? 0) + 1));
    }
    // The fewest shared words a paraphrase can have, less those too common to have been counted.
    const required = Math.max(MIN_PARAPHRASE_SHARED, Math.min(MIN_PARAPHRASE_SHARED_PART, Math.ceil(MIN_PARAPHRASE_COVERAGE * ids.length)));
    const needed = Math.max(MIN_PARAPHRASE_LOOKUP_HITS, required - tooCommon);
    const candidates = [...hits]
      .filter(([, count]) => count >= needed)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_PARAPHRASE_CANDIDATES);
    const restatements: Restatement[] = [];
    for (const [passage] of candidates) {
      const other = this.bySlot[this.passageArticle[passage] ?? -1];
      const found = other ? this.restatement(ids, other, passage) : null;
      if (found) restatements.push(found);
    }
    return restatements;
  }

  /** Groups of quotes joined by verbatim matches that reach into more than one article or have paraphrases. */
  clusters(): QuoteCluster[] {
    return buildClusters(this.clusteringSource());
  }

  /**
   * The same as `clusters()`, worked out with `pause` awaited every so often: at thousands of
   * articles the whole takes a second or more, too long to hold a server's thread. Null when an
   * article changed meanwhile.
   */
  async clustersWithPauses(pause: () => Promise<void>): Promise<QuoteCluster[] | null> {
    const version = this.version;
    const steps = clusterSteps(this.clusteringSource());
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      await pause();
      if (this.version !== version) return null;
    }
  }

  /** The matcher as clustering reads it: copies of a quote in thousands of articles restate the same passages, each searched once. */
  private clusteringSource(): ClusterSource {
    const restatements = new Map<string, Restatement[]>();
    // Copies of a quote have the same words, which are read once (they depend on the quote's text alone).
    const comparableByText = new Map<string, string>();
    return {
      articleIds: () => this.articleIds(),
      quotesOf: (articleId) => this.quotesOf(articleId),
      quoteSpan: (articleId, quoteId) => this.quoteSpan(articleId, quoteId),
      comparableText: (articleId, quoteId) => {
        const text = this.quoteSpan(articleId, quoteId)?.text;
        if (text === undefined) return null;
        let comparable = comparableByText.get(text);
        if (comparable === undefined) comparableByText.set(text, (comparable = comparableWords(text)));
        return comparable;
      },
      matchKey: (articleId, quoteId) => this.matchKey(articleId, quoteId),
      matchesOf: (articleId, quoteId) => this.matchesOf(articleId, quoteId),
      paraphrasesOf: (articleId, quoteId) => this.paraphrasesRemembering(articleId, quoteId, restatements),
    };
  }

  stats(): MatcherStats {
    const passages = this.passageCount - this.freePassages.length - this.retiredPassages.length;
    return {
      articles: this.articles.size,
      quotes: this.quoteCount,
      pairPostings: this.pairIndex.size,
      pairKeys: this.pairIndex.keyCount,
      passages,
      wordPostings: this.wordIndex.size,
      words: this.vocabulary.size,
      indexBytes:
        this.wholeIndex.byteSize + this.pairIndex.byteSize + this.wordIndex.byteSize + this.passageArticle.byteLength * 3 +
        [...this.articles.values()].reduce((sum, record) => sum + record.wordIds.byteLength + record.passageSlots.byteLength + record.passageWords.byteLength + record.passageSizes.byteLength, 0),
    };
  }

  /**
   * The matcher's state in arrays of their own, to be restored in a later session (see
   * `restored`): the vocabulary, the indexes, and each article's arrays with its fingerprint.
   */
  snapshot(): MatcherSnapshot {
    const articles: UnclaimedArticle[] = [...this.unclaimed.values()];
    for (const record of this.articles.values()) {
      const { id, fingerprint, slot, wordIds, wholeKeys, passageWords, passageSizes, passageSlots } = record;
      articles.push({ id, fingerprint: fingerprint ?? '', slot, quoteCount: record.quotes.count, wordIds, wholeKeys, passageWords, passageSizes, passageSlots });
    }
    const shapes = new Int32Array(5 * articles.length);
    let total = 0;
    articles.forEach((article, index) => {
      shapes.set([article.slot, article.quoteCount, article.wordIds.length, article.passageWords.length, article.passageSizes.length], 5 * index);
      total += ownLength(article);
    });
    const arrays = new Int32Array(total);
    let at = 0;
    for (const article of articles) {
      for (const part of [article.wordIds, article.wholeKeys, article.passageWords, article.passageSizes, article.passageSlots]) {
        arrays.set(part, at);
        at += part.length;
      }
    }
    return {
      words: this.vocabulary.words(),
      indexes: [this.wholeIndex.state(), this.pairIndex.state(), this.wordIndex.state()],
      passageArticle: this.passageArticle.slice(0, this.passageCount),
      passageStart: this.passageStart.slice(0, this.passageCount),
      passageEnd: this.passageEnd.slice(0, this.passageCount),
      freeSlots: Int32Array.from(this.freeSlots),
      retiredSlots: Int32Array.from(this.retiredSlots),
      freePassages: Int32Array.from(this.freePassages),
      retiredPassages: Int32Array.from(this.retiredPassages),
      slotCount: this.bySlot.length,
      ids: articles.map((article) => article.id),
      fingerprints: articles.map((article) => article.fingerprint),
      shapes,
      arrays,
    };
  }

  /**
   * The matcher `snapshot` was taken of, sharing its arrays, with every article unclaimed: it
   * answers no query until `setArticle` claims it (see `claimed`). Null when the snapshot's
   * parts do not fit together.
   */
  static restored(snapshot: MatcherSnapshot): QuoteMatcher | null {
    const vocabulary = Vocabulary.of(snapshot.words);
    const [wholeIndex, pairIndex, wordIndex] = snapshot.indexes.map((state) => PostingIndex.restored(state));
    if (!vocabulary || !wholeIndex || !pairIndex || !wordIndex || snapshot.indexes.length !== 3) return null;
    const passageCount = snapshot.passageArticle.length;
    const { ids, fingerprints, shapes, arrays, slotCount } = snapshot;
    if (snapshot.passageStart.length !== passageCount || snapshot.passageEnd.length !== passageCount || ids.length !== fingerprints.length || shapes.length !== 5 * ids.length) return null;
    const matcher = new QuoteMatcher();
    matcher.vocabulary = vocabulary;
    matcher.wholeIndex = wholeIndex;
    matcher.pairIndex = pairIndex;
    matcher.wordIndex = wordIndex;
    matcher.passageCount = passageCount;
    matcher.passageArticle = grown(snapshot.passageArticle, Math.max(1024, passageCount));
    matcher.passageStart = grown(snapshot.passageStart, Math.max(1024, passageCount));
    matcher.passageEnd = grown(snapshot.passageEnd, Math.max(1024, passageCount));
    matcher.bySlot.length = slotCount;
    const slots = (list: Int32Array, below: number): number[] | null => (list.every((slot) => slot >= 0 && slot < below) ? [...list] : null);
    const lists = [slots(snapshot.freeSlots, slotCount), slots(snapshot.retiredSlots, slotCount), slots(snapshot.freePassages, passageCount), slots(snapshot.retiredPassages, passageCount)];
    if (lists.some((list) => list === null)) return null;
    const [freeSlots, retiredSlots, freePassages, retiredPassages] = lists as number[][];
    matcher.freeSlots.push(...(freeSlots as number[]));
    matcher.retiredSlots.push(...(retiredSlots as number[]));
    matcher.freePassages.push(...(freePassages as number[]));
    matcher.retiredPassages.push(...(retiredPassages as number[]));
    const view = (from: number, length: number): Int32Array => new Int32Array(arrays.buffer, arrays.byteOffset + 4 * from, length);
    let at = 0;
    for (let index = 0; index < ids.length; index += 1) {
      const [slot, quoteCount, wordIdsLength, passageWordsLength, passages] = shapes.subarray(5 * index, 5 * index + 5) as unknown as [number, number, number, number, number];
      const length = wordIdsLength + quoteCount + passageWordsLength + 2 * passages;
      if (slot < 0 || slot >= slotCount || matcher.unclaimedSlots.has(slot) || Math.min(quoteCount, wordIdsLength, passageWordsLength, passages) < 0 || at + length > arrays.length) return null;
      const wordIds = new Uint32Array(arrays.buffer, arrays.byteOffset + 4 * at, wordIdsLength);
      const passageSlots = view(at + wordIdsLength + quoteCount + passageWordsLength + passages, passages);
      if (wordIds[0] !== quoteCount + 1 || wordIds[quoteCount] !== wordIdsLength || !passageSlots.every((passage) => passage >= 0 && passage < passageCount)) return null;
      const id = ids[index] as string;
      matcher.unclaimed.set(id, {
        id,
        fingerprint: fingerprints[index] as string,
        slot,
        quoteCount,
        wordIds,
        wholeKeys: view(at + wordIdsLength, quoteCount),
        passageWords: view(at + wordIdsLength + quoteCount, passageWordsLength),
        passageSizes: view(at + wordIdsLength + quoteCount + passageWordsLength, passages),
        passageSlots,
      });
      matcher.unclaimedSlots.add(slot);
      at += length;
    }
    return at === arrays.length && matcher.unclaimed.size === ids.length ? matcher : null;
  }

  /**
   * Corpus ids of the words `input`'s ids stand for. A long article's sections are looked up
   * once each and remembered with them: each keystroke in it looks up the edited section's words.
   */
  private corpusIds(input: PreparedArticle): Uint32Array {
    const tabled = tabledWords(input);
    if (tabled) return this.fromTable(tabled);
    const sections = joinedFrom(input);
    if (!sections) return this.lookUp(input);
    const parts = sections.map((section) => {
      let ids = this.sectionIds.get(section);
      if (!ids) {
        ids = this.lookUp(section);
        this.sectionIds.set(section, ids);
      }
      return ids;
    });
    const all = new Uint32Array(parts.reduce((length, part) => length + part.length, 0));
    let at = 0;
    for (const part of parts) {
      all.set(part, at);
      at += part.length;
    }
    return all;
  }

  /** Corpus ids of an input whose words stand in a table: each of the table's words is looked up once, for every input that uses it. */
  private fromTable({ table, positions }: TabledWords): Uint32Array {
    let known = this.tableIds.get(table);
    if (!known) {
      known = new Uint32Array(table.words.length);
      this.tableIds.set(table, known);
    }
    const ids = new Uint32Array(positions.length);
    for (let index = 0; index < positions.length; index += 1) {
      const position = positions[index] as number;
      // Vocabulary ids start at 1: 0 is a word not looked up yet.
      let id = known[position] as number;
      if (id === 0) {
        id = this.vocabulary.idOf(table.words[position] as string);
        known[position] = id;
      }
      ids[index] = id;
    }
    return ids;
  }

  private lookUp(input: PreparedArticle): Uint32Array {
    const slots = takePreparedSlots(input);
    if (slots) {
      const ids = new Uint32Array(slots.length);
      for (let index = 0; index < slots.length; index += 1) ids[index] = this.vocabulary.idOfSlot(slots[index] as WordSlot);
      return ids;
    }
    const words = preparedWords(input);
    const ids = new Uint32Array(words.length);
    for (let index = 0; index < words.length; index += 1) ids[index] = this.vocabulary.idOf(words[index] as string);
    return ids;
  }

  private indexQuote(record: ArticleRecord, index: number): void {
    const value = record.slot * MAX_QUOTES_PER_ARTICLE + index;
    const ids = wordIds(record, index);
    if (ids.length === 0) return;
    this.wholeIndex.add(record.wholeKeys[index] ?? 0, value);
    forEachDistinctPair(ids, (pair) => this.pairIndex.add(pair, value));
  }

  /** Removes what `indexQuote` added; returns how many postings were left behind, stale. */
  private unindexQuote(record: IndexedArticle | ArticleRecord, index: number, own: (value: number) => boolean, reach = REMOVAL_REACH): number {
    const ids = wordIds(record, index);
    if (ids.length === 0) return 0;
    let left = this.wholeIndex.remove(record.wholeKeys[index] ?? 0, own, reach) ? 0 : 1;
    forEachDistinctPair(ids, (pair) => {
      if (!this.pairIndex.remove(pair, own, reach)) left += 1;
    });
    return left;
  }

  /** Drops stale postings once they are as many as a third of the live ones, then frees their slots. */
  private compactWhenStale(): void {
    const stale = this.wholeIndex.stale + this.pairIndex.stale + this.wordIndex.stale;
    const live = this.wholeIndex.size + this.pairIndex.size + this.wordIndex.size;
    if (stale < Math.max(MIN_STALE_TO_COMPACT, live / 3)) return;
    const liveQuote = (value: number): boolean => {
      const slot = Math.floor(value / MAX_QUOTES_PER_ARTICLE);
      return this.bySlot[slot] !== undefined || this.unclaimedSlots.has(slot);
    };
    this.wholeIndex.compact(liveQuote);
    this.pairIndex.compact(liveQuote);
    this.wordIndex.compact((passage) => (this.passageArticle[passage] ?? -1) >= 0);
    this.freeSlots.push(...this.retiredSlots.splice(0));
    this.freePassages.push(...this.retiredPassages.splice(0));
  }

  /** Indexes one passage of the article in `slot` (the `index`-th of `spans`) under its content word ids; returns the passage's number. */
  /** Indexes passage `index` (of `spans`) under its content words, `words` from `from` to `to`. */
  private addPassage(slot: number, spans: Int32Array, index: number, words: Int32Array, from: number, to: number): number {
    const passage = this.allocatePassage();
    this.passageArticle[passage] = slot;
    this.passageStart[passage] = spans[2 * index] ?? 0;
    this.passageEnd[passage] = spans[2 * index + 1] ?? 0;
    for (let at = from; at < to; at += 1) this.wordIndex.add(words[at] as number, passage);
    return passage;
  }

  private passageContent(passage: number, text: string): ContentWords {
    return this.contentWords(text, this.passageStart[passage] ?? 0, this.passageEnd[passage] ?? 0);
  }

  private allocatePassage(): number {
    const reused = this.freePassages.pop();
    if (reused !== undefined) return reused;
    if (this.passageCount === this.passageArticle.length) {
      this.passageArticle = grown(this.passageArticle);
      this.passageStart = grown(this.passageStart);
      this.passageEnd = grown(this.passageEnd);
    }
    this.passageCount += 1;
    return this.passageCount - 1;
  }

  /** Content words of a stretch as ids; unseen words get id 0 (they cannot match anything stored). */
  private contentWords(text: string, from: number, to: number): ContentWords {
    const words = normaliseWords(text, from, to);
    const ids: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    words.words.forEach((word, k) => {
      const form = contentForm(word);
      if (form === null) return;
      ids.push(this.vocabulary.peek(form));
      starts.push(words.starts[k] ?? 0);
      ends.push(words.ends[k] ?? 0);
    });
    return { ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  }

  private restatement(quoteIds: Int32Array, other: ArticleRecord, passage: number): Restatement | null {
    const content = this.passageContent(passage, other.text);
    const aligned = alignLocally(quoteIds, content.ids);
    if (!aligned || aligned.matched < MIN_PARAPHRASE_SHARED) return null;
    const { matched } = aligned;
    if (matched < MIN_PARAPHRASE_COVERAGE * quoteIds.length && matched < MIN_PARAPHRASE_SHARED_PART) return null;
    const quoteLength = aligned.leftTo - aligned.leftFrom;
    const passageLength = aligned.rightTo - aligned.rightFrom;
    if (matched < MIN_PARAPHRASE_DENSITY * quoteLength || matched < MIN_PARAPHRASE_DENSITY * passageLength) return null;
    const start = content.starts[aligned.rightFrom] ?? 0;
    return {
      other,
      start,
      end: content.ends[aligned.rightTo - 1] ?? start,
      score: round((2 * matched) / (quoteIds.length + passageLength)),
      sharedWords: matched,
      quoteFrom: aligned.leftFrom,
      quoteTo: aligned.leftTo,
    };
  }

  private view(record: ArticleRecord, index: number): QuoteView {
    const base = record.quoteBase[index] ?? 0;
    const n = record.packed[base] ?? 0;
    const at = base + 2;
    return {
      ids: wordIds(record, index),
      starts: record.packed.subarray(at + n, at + 2 * n),
      ends: record.packed.subarray(at + 2 * n, at + 3 * n),
      segmentStarts: segmentStarts(record, index),
    };
  }
}

/** A quote's word ids alone: `view` without the three other arrays, for the paths every keystroke in a long article takes. */
function wordIds(record: Pick<ArticleRecord, 'wordIds'>, index: number): Uint32Array {
  return quoteIds(record.wordIds, index);
}

/** Quote id -> index, the article's previous one when the ids are the same (as a keystroke that adds or removes no quote leaves them). */
/** The quotes the matcher indexes of an article's: not copied, as the copies were one in eight of the objects a warm start of 5,000 articles kept (31,000 of 263,000). */
function keptOf(quotes: readonly QuoteInput[]): readonly QuoteInput[] {
  return quotes.length > MAX_QUOTES_PER_ARTICLE ? quotes.slice(0, MAX_QUOTES_PER_ARTICLE) : quotes;
}

/**
 * The record of `content` in `slot`, every field written out: a spread copies generically, and
 * at a warm start of thousands of articles it was a third of setArticle's own time.
 */
function withSlot(content: Omit<ArticleRecord, 'slot'>, slot: number): ArticleRecord {
  const { id, text, quotes, packed, wordIds, quoteBase, wholeKeys, passageSlots, passageWords, passageSizes, matchKeys, fingerprint } = content;
  return { id, slot, text, quotes, packed, wordIds, quoteBase, wholeKeys, passageSlots, passageWords, passageSizes, matchKeys, fingerprint };
}

/** A quote's segment starts (word positions where each of its segments begins). */
function segmentStarts(record: ArticleRecord, index: number): Uint32Array {
  const base = record.quoteBase[index] ?? 0;
  const n = record.packed[base] ?? 0;
  const at = base + 2 + 3 * n;
  return record.packed.subarray(at, at + (record.packed[base + 1] ?? 0));
}

function quoteIds(ids: Uint32Array, index: number): Uint32Array {
  return ids.subarray(ids[index] ?? 0, ids[index + 1] ?? 0);
}

/** An article record's own arrays, zeroed, in one buffer (see SharedBuffer). */
type OwnArrays = Pick<ArticleRecord, 'wordIds' | 'wholeKeys' | 'passageWords' | 'passageSizes' | 'passageSlots'>;

function ownArrays(quoteCount: number, input: PreparedArticle): OwnArrays {
  const { words, passageCount, passageWords } = ownSizes(quoteCount, input);
  const space = new SharedBuffer(quoteCount + 1 + words + quoteCount + passageWords + 2 * passageCount);
  return {
    wordIds: space.uint32(quoteCount + 1 + words),
    wholeKeys: space.int32(quoteCount),
    passageWords: space.int32(passageWords),
    passageSizes: space.int32(passageCount),
    passageSlots: space.int32(passageCount),
  };
}

/** How many numbers an article's own arrays hold in all. */
function ownLength(article: OwnArrays): number {
  return article.wordIds.length + article.wholeKeys.length + article.passageWords.length + article.passageSizes.length + article.passageSlots.length;
}

/** How many quote words, passages and passage words an article's own arrays hold. */
function ownSizes(quoteCount: number, input: PreparedArticle): { words: number; passageCount: number; passageWords: number } {
  const { packed, quoteBase } = input;
  let words = 0;
  for (let index = 0; index < quoteCount; index += 1) words += packed[quoteBase[index] ?? 0] ?? 0;
  const passageCount = input.passageSpans.length / 2;
  return { words, passageCount, passageWords: input.passageWords.length - passageCount };
}

/** Whether a restored article's arrays have the sizes `input`'s would have (a claim's last check). */
function fitsInput(article: IndexedArticle, quoteCount: number, input: PreparedArticle): boolean {
  const { words, passageCount, passageWords } = ownSizes(quoteCount, input);
  return article.quoteCount === quoteCount && article.wordIds.length === quoteCount + 1 + words && article.passageSizes.length === passageCount && article.passageWords.length === passageWords;
}

/** Writes the quotes' words as corpus ids (laid out as `ArticleRecord.wordIds`), and each quote's whole-sequence key. */
function quoteWordIds(quoteCount: number, input: PreparedArticle, ids: Uint32Array, { wordIds, wholeKeys }: OwnArrays): void {
  const { packed, quoteBase } = input;
  let at = quoteCount + 1;
  for (let index = 0; index < quoteCount; index += 1) {
    const base = quoteBase[index] ?? 0;
    const n = packed[base] ?? 0;
    wordIds[index] = at;
    for (let k = base + 2; k < base + 2 + n; k += 1) wordIds[at++] = ids[packed[k] ?? 0] ?? 0;
    wholeKeys[index] = hashSequence(wordIds.subarray(at - n, at));
  }
  wordIds[quoteCount] = at;
}

/** Writes each passage's distinct content words as corpus ids, passage after passage, and how many are each passage's. */
function passageWordIds(input: PreparedArticle, ids: Uint32Array, { passageWords, passageSizes }: OwnArrays): void {
  const passageCount = input.passageSpans.length / 2;
  let read = 0;
  let written = 0;
  for (let index = 0; index < passageCount; index += 1) {
    const distinct = input.passageWords[read++] ?? 0;
    passageSizes[index] = distinct;
    for (let k = 0; k < distinct; k += 1) passageWords[written++] = ids[input.passageWords[read++] ?? 0] ?? 0;
  }
}

/** The indexes below `count` for which `holds` is true. */
/** Words laid out stretch after stretch: stretch i's run from `offsets[i]` to `offsets[i + 1]`. */
interface Stretches {
  readonly words: Uint32Array | Int32Array;
  readonly offsets: Uint32Array | Int32Array;
  readonly count: number;
}

/** Indexes of the stretches whose words differ between the two layouts (or that only one has). */
function changedStretches(before: Stretches, after: Stretches): number[] {
  const changed: number[] = [];
  for (let index = 0; index < Math.max(before.count, after.count); index += 1) {
    if (index >= before.count || index >= after.count || !sameStretch(before, after, index)) changed.push(index);
  }
  return changed;
}

function sameStretch(before: Stretches, after: Stretches, index: number): boolean {
  const from = before.offsets[index] ?? 0;
  const length = (before.offsets[index + 1] ?? 0) - from;
  const otherFrom = after.offsets[index] ?? 0;
  if ((after.offsets[index + 1] ?? 0) - otherFrom !== length) return false;
  for (let at = 0; at < length; at += 1) if (before.words[from + at] !== after.words[otherFrom + at]) return false;
  return true;
}

/** Where each passage's words start in `ArticleRecord.passageWords`, and where the last ends. */
function passageOffsets(sizes: Int32Array): Int32Array {
  const offsets = new Int32Array(sizes.length + 1);
  sizes.forEach((size, index) => (offsets[index + 1] = (offsets[index] ?? 0) + size));
  return offsets;
}

function compareQuotes(record: ArticleRecord, own: QuoteView, other: ArticleRecord, otherIndex: number, theirs: QuoteView): QuoteMatch | null {
  const whole = (view: QuoteView): WordRange => ({ from: 0, to: view.ids.length });
  const result = (kind: 'exact' | 'partial', ownRange: WordRange, theirRange: WordRange): QuoteMatch => {
    const quote = other.quotes.at(otherIndex);
    return {
      kind,
      articleId: other.id,
      quoteId: quote.id,
      quote: span(other.text, quote.start, quote.end),
      excerpt: wordSpan(other.text, theirs, theirRange),
      ownExcerpt: wordSpan(record.text, own, ownRange),
      sharedWords: Math.min(ownRange.to - ownRange.from, theirRange.to - theirRange.from),
    };
  };
  if (sameWords(own.ids, theirs.ids)) return result('exact', whole(own), whole(theirs));
  if (own.ids.length < theirs.ids.length && own.ids.length >= MIN_CONTAINED_WORDS) {
    const inside = containedAt(own, theirs);
    if (inside) return result('partial', whole(own), inside);
  }
  if (theirs.ids.length < own.ids.length && theirs.ids.length >= MIN_CONTAINED_WORDS) {
    const inside = containedAt(theirs, own);
    if (inside) return result('partial', inside, whole(theirs));
  }
  const shorter = Math.min(own.ids.length, theirs.ids.length);
  if (shorter <= SHORT_QUOTE_WORDS) return null;
  const run = longestSharedRun(own.ids, theirs.ids);
  const long = run.length >= MIN_SHARED_RUN;
  const large = run.length >= MIN_PROPORTIONAL_RUN && run.length >= MIN_SHARED_RUN_SHARE * shorter;
  if (!long && !large) return null;
  return result('partial', { from: run.leftFrom, to: run.leftFrom + run.length }, { from: run.rightFrom, to: run.rightFrom + run.length });
}

let pairScratch = new Int32Array(256);

/**
 * Calls `each` once per distinct adjacent word pair of `ids` (which must not call this again).
 * Every keystroke in a long article unindexes and indexes hundreds of quotes: a Set of pairs
 * per quote was most of the garbage that made, so the pairs are sorted in one reused buffer.
 */
function forEachDistinctPair(ids: ArrayLike<number>, each: (pair: number) => void): void {
  if (pairScratch.length < ids.length) pairScratch = new Int32Array(ids.length * 2);
  let count = 0;
  for (let k = 1; k < ids.length; k += 1) pairScratch[count++] = hashPair(ids[k - 1] ?? 0, ids[k] ?? 0);
  pairScratch.subarray(0, count).sort();
  for (let k = 0; k < count; k += 1) if (k === 0 || pairScratch[k] !== pairScratch[k - 1]) each(pairScratch[k] ?? 0);
}

/** Distinct adjacent pairs of `ids` found in `pairs`. */
function countSharedPairs(pairs: ReadonlySet<number>, ids: ArrayLike<number>): number {
  if (pairs.size === 0) return 0;
  const found = new Set<number>();
  for (let k = 1; k < ids.length; k += 1) {
    const pair = hashPair(ids[k - 1] ?? 0, ids[k] ?? 0);
    if (pairs.has(pair)) found.add(pair);
  }
  return found.size;
}

/** True when the quote has fewer than two distinct adjacent word pairs that do not straddle an ellipsis or insertion. */
function hasFewerThanTwoPairs(view: QuoteView): boolean {
  let first: number | null = null;
  let segment = 1;
  for (let k = 1; k < view.ids.length; k += 1) {
    if (segment < view.segmentStarts.length && view.segmentStarts[segment] === k) {
      segment += 1;
      continue;
    }
    const pair = hashPair(view.ids[k - 1] ?? 0, view.ids[k] ?? 0);
    if (first === null) first = pair;
    else if (pair !== first) return false;
  }
  return true;
}

function wordSpan(text: string, view: QuoteView, range: WordRange): TextSpan {
  return span(text, view.starts[range.from] ?? 0, view.ends[range.to - 1] ?? 0);
}

function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The words and segments of a quote, which are all that matching reads of it. */
function wordsKey(view: QuoteView): string {
  return `${view.ids.join(' ')}|${view.segmentStarts.join(' ')}`;
}

/** A quote's normalised words, space-separated: what clustering compares. They depend on `text[from, to)` alone. */
function comparableWords(text: string, from = 0, to = text.length): string {
  return normaliseWords(text, from, to).words.join(' ');
}
