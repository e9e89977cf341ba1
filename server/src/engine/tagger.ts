import nlp from 'compromise/two';
import { memoized } from './memoized';

/** One of compromise's match patterns, as its net holds it (the fields its sweep reads to pick the patterns worth trying). */
interface MatchPattern {
  readonly match: string;
  /** Words and tags (`#Noun`) a document must have: each is one of the net's hook keys. */
  readonly needs: readonly string[];
  /** Words and tags of which the document must have `minWant`: each is one of the net's hook keys too. */
  readonly wants: readonly string[];
  readonly minWant: number;
  /** Words and tags whose presence rules the pattern out. */
  readonly ifNo?: readonly string[];
}

/**
 * Marks the nets this file hands compromise. Each bundle that holds the engine (every test file
 * is one) plugs its own copy of this change into the one compromise it shares with the others;
 * a copy given a net another copy already narrowed passes it on as it is, since a narrowed net
 * no longer lists every hook key its patterns need.
 */
const NARROWED = Symbol.for('article-lens.narrowed-match-net');

/** compromise's match patterns, indexed by the words and tags (`#Noun`) that a document must have for each to apply. */
interface MatchNet {
  readonly hooks: Record<string, readonly MatchPattern[]>;
  readonly always: readonly MatchPattern[];
  readonly [NARROWED]?: true;
}

type CacheDoc = (docs: unknown) => Set<string>[];
type BulkMatch = (docs: unknown, net: MatchNet, methods: { one: { cacheDoc: CacheDoc } }, options: unknown) => unknown;

const stockBulkMatch = (nlp.methods() as { one: { bulkMatch: BulkMatch } }).one.bulkMatch;

/**
 * compromise's tagger as the engine uses it: compromise's level two (its lexicon and
 * part-of-speech tagger) with one change that changes no answer, in how its post-tagger picks
 * the patterns to try on a document. compromise walks all of its 730 hook keys, gathers the
 * patterns of those the document has (hundreds: "#Noun" alone hooks many), drops repeats, then
 * those whose other words and tags the document lacks. Which patterns remain depends only on
 * which hook keys and which ruled-out words the document has, and the engine asks about names of
 * a few words, which share a handful of such combinations: this works the list out once per
 * combination and gives compromise just that list, under one hook key the document has, so the
 * same patterns are tried in the same order. compromise's own sweep still checks them as before.
 * The 953 names compromise is asked about in the bench's 5,000 articles, each tagged once in a
 * fresh process: 227-277 microseconds a name when only the hook keys were narrowed to those the
 * name has, 160-193 with this (three alternated runs each).
 */
nlp.plugin({
  methods: {
    one: {
      bulkMatch: ((docs, net, methods, options) => {
        if (net[NARROWED] === true) return stockBulkMatch(docs, net, methods, options);
        const caches = methods.one.cacheDoc(docs);
        // A name read as several sentences is rare enough to go compromise's own way.
        const narrowed = caches.length === 1 ? picksOf(net).narrowed(caches[0] as Set<string>) : net;
        return stockBulkMatch(docs, narrowed, methods, options);
      }) satisfies BulkMatch,
    },
  },
});

/** Each net's picker: compromise builds its post-tagger's net once. */
const pickers = new WeakMap<MatchNet, PatternPicker>();

function picksOf(net: MatchNet): PatternPicker {
  let picker = pickers.get(net);
  if (picker === undefined) {
    picker = new PatternPicker(net);
    pickers.set(net, picker);
  }
  return picker;
}

/** The patterns of one net that may apply to a document, as compromise's sweep picks them before trying them. */
class PatternPicker {
  /** Hook keys in the order compromise lists them, which is the order it gathers their patterns in. */
  private readonly keyOrder: Map<string, number>;
  /** Every word or tag that rules some pattern out. */
  private readonly ruledOutBy: readonly string[];
  private readonly picked = memoized((combination: string) => this.pick(combination));

  constructor(private readonly net: MatchNet) {
    this.keyOrder = new Map(Object.keys(net.hooks).map((key, index) => [key, index]));
    const ruledOutBy = new Set<string>();
    for (const patterns of Object.values(net.hooks)) for (const pattern of patterns) for (const word of pattern.ifNo ?? []) ruledOutBy.add(word);
    this.ruledOutBy = [...ruledOutBy];
  }

  /** A net of one hook key the document has, holding just the patterns compromise would go on to try on it. */
  narrowed(cache: Set<string>): MatchNet {
    const present: string[] = [];
    for (const item of cache) if (this.keyOrder.has(item)) present.push(item);
    if (present.length === 0) return { always: this.net.always, hooks: {}, [NARROWED]: true };
    present.sort((a, b) => (this.keyOrder.get(a) as number) - (this.keyOrder.get(b) as number));
    const ruledOut = this.ruledOutBy.filter((word) => cache.has(word));
    const patterns = this.picked(`${present.join('\u0000')}\u0001${ruledOut.join('\u0000')}`);
    return { always: this.net.always, hooks: patterns.length === 0 ? {} : { [present[0] as string]: patterns }, [NARROWED]: true };
  }

  /** compromise's picking (gather by hook key, drop repeats, keep what the document can match) for one combination. */
  private pick(combination: string): MatchPattern[] {
    const [presentPart = '', ruledOutPart = ''] = combination.split('\u0001');
    const present = presentPart.split('\u0000');
    const has = new Set([...present, ...(ruledOutPart === '' ? [] : ruledOutPart.split('\u0000'))]);
    const seen = new Set<string>();
    const patterns: MatchPattern[] = [];
    for (const key of present) {
      for (const pattern of this.net.hooks[key] ?? []) {
        if (seen.has(pattern.match)) continue;
        seen.add(pattern.match);
        if (!pattern.needs.every((need) => has.has(need))) continue;
        if (pattern.ifNo?.some((word) => has.has(word)) === true) continue;
        if (pattern.wants.length > 0 && pattern.wants.filter((want) => has.has(want)).length < pattern.minWant) continue;
        patterns.push(pattern);
      }
    }
    return patterns;
  }
}

export default nlp;
