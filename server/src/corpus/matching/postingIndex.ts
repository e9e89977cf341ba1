const EMPTY = -1;
const MAX_LOAD = 0.75;

/** A posting index as it stands, to be restored as it was (see `PostingIndex.restored`). */
export interface PostingState {
  readonly keys: Int32Array;
  readonly heads: Int32Array;
  readonly counts: Int32Array;
  /** The pool's used part. */
  readonly values: Int32Array;
  readonly next: Int32Array;
  /** occupied, freeList, livePostings, stalePostings. */
  readonly figures: Int32Array;
}

/**
 * A multimap from 32-bit keys to 32-bit values held in typed arrays: an open-addressing table of
 * keys, each heading a linked list of values in a shared pool. Millions of postings cost a few
 * bytes each, where a Map of arrays would cost tens of bytes per key.
 *
 * Removal unlinks a value found among its key's newest; any other it leaves in the list, stale
 * (readers skip them), until `compact` drops every value its caller no longer recognises.
 */
export class PostingIndex {
  private keys: Int32Array;
  private heads: Int32Array;
  /** Live values per key; EMPTY marks a free table slot. */
  private counts: Int32Array;
  private occupied = 0;
  private values: Int32Array;
  private next: Int32Array;
  private poolUsed = 0;
  private freeList = -1;
  private livePostings = 0;
  private stalePostings = 0;

  constructor(initialKeys = 1024) {
    const capacity = powerOfTwoAtLeast(initialKeys / MAX_LOAD);
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    this.counts = new Int32Array(capacity).fill(EMPTY);
    this.values = new Int32Array(initialKeys);
    this.next = new Int32Array(initialKeys);
  }

  /**
   * Its state, in arrays of its own: changing the index later changes none of them. The arrays
   * are copied as they are: walking the lists to lay them out one after another took 90 ms at
   * 5,000 articles, on the thread that answers hovers.
   */
  state(): PostingState {
    return {
      keys: this.keys.slice(),
      heads: this.heads.slice(),
      counts: this.counts.slice(),
      values: this.values.slice(0, this.poolUsed),
      next: this.next.slice(0, this.poolUsed),
      figures: Int32Array.of(this.occupied, this.freeList, this.livePostings, this.stalePostings),
    };
  }

  /** The index `state` was taken of, sharing its arrays; null when they do not fit together. */
  static restored(state: PostingState): PostingIndex | null {
    const { keys, heads, counts, values, next, figures } = state;
    const capacity = keys.length;
    if (capacity < 16 || (capacity & (capacity - 1)) !== 0 || heads.length !== capacity || counts.length !== capacity || values.length !== next.length || figures.length !== 4) return null;
    const index = new PostingIndex(1);
    index.keys = keys;
    index.heads = heads;
    index.counts = counts;
    // An empty pool keeps the room the constructor made: growing it multiplies its length.
    if (values.length > 0) {
      index.values = values;
      index.next = next;
    }
    index.poolUsed = values.length;
    [index.occupied, index.freeList, index.livePostings, index.stalePostings] = figures as unknown as [number, number, number, number];
    return index;
  }

  /** Number of live values stored under `key`. */
  count(key: number): number {
    const slot = this.find(key);
    return slot < 0 ? 0 : (this.counts[slot] ?? 0);
  }

  /** Calls `visit` with every value stored under `key`, stale ones included. */
  forEach(key: number, visit: (value: number) => void): void {
    const slot = this.find(key);
    if (slot < 0) return;
    for (let node = this.heads[slot] ?? -1; node >= 0; node = this.next[node] ?? -1) visit(this.values[node] ?? 0);
  }

  /** Whether `test` holds for a value stored under `key` (stale ones included), stopping at the first that does. */
  some(key: number, test: (value: number) => boolean): boolean {
    const slot = this.find(key);
    if (slot < 0) return false;
    for (let node = this.heads[slot] ?? -1; node >= 0; node = this.next[node] ?? -1) if (test(this.values[node] ?? 0)) return true;
    return false;
  }

  add(key: number, value: number): void {
    if (this.occupied + 1 > this.keys.length * MAX_LOAD) this.rehash();
    const slot = this.slotFor(key);
    if (this.counts[slot] === EMPTY) {
      this.keys[slot] = key;
      this.counts[slot] = 0;
      this.occupied += 1;
    }
    const node = this.allocate();
    this.values[node] = value;
    this.next[node] = this.heads[slot] ?? -1;
    this.heads[slot] = node;
    this.counts[slot] = (this.counts[slot] ?? 0) + 1;
    this.livePostings += 1;
  }

  /**
   * Removes one value under `key` that `belongs` recognises, unlinking it at once when it is
   * among the `reach` newest values of that key (values are listed newest first); otherwise it
   * is only marked stale: it stays in the list, and the caller must stop recognising it. True
   * when it was unlinked.
   */
  remove(key: number, belongs: (value: number) => boolean, reach: number): boolean {
    const slot = this.find(key);
    if (slot < 0 || (this.counts[slot] ?? 0) <= 0) return false;
    this.counts[slot] = (this.counts[slot] ?? 1) - 1;
    this.livePostings -= 1;
    let previous = -1;
    let node = this.heads[slot] ?? -1;
    for (let step = 0; node >= 0 && step < reach; step += 1) {
      if (belongs(this.values[node] ?? 0)) {
        this.unlink(slot, previous, node);
        return true;
      }
      previous = node;
      node = this.next[node] ?? -1;
    }
    this.stalePostings += 1;
    return false;
  }

  /** Whether `remove(key, belongs, reach)` would unlink a value now (it changes nothing). */
  reaches(key: number, belongs: (value: number) => boolean, reach: number): boolean {
    const slot = this.find(key);
    if (slot < 0 || (this.counts[slot] ?? 0) <= 0) return false;
    let node = this.heads[slot] ?? -1;
    for (let step = 0; node >= 0 && step < reach; step += 1) {
      if (belongs(this.values[node] ?? 0)) return true;
      node = this.next[node] ?? -1;
    }
    return false;
  }

  /** Number of forgotten values still taking room. */
  get stale(): number {
    return this.stalePostings;
  }

  /** Unlinks every value `isLive` rejects, returning their room to the pool. */
  compact(isLive: (value: number) => boolean): void {
    for (let slot = 0; slot < this.keys.length; slot += 1) {
      if (this.counts[slot] === EMPTY) continue;
      let previous = -1;
      let node = this.heads[slot] ?? -1;
      while (node >= 0) {
        const after = this.next[node] ?? -1;
        if (isLive(this.values[node] ?? 0)) previous = node;
        else this.unlink(slot, previous, node);
        node = after;
      }
    }
    this.stalePostings = 0;
  }

  /** Bytes held by the typed arrays, for benchmarks. */
  get byteSize(): number {
    return this.keys.byteLength + this.heads.byteLength + this.counts.byteLength + this.values.byteLength + this.next.byteLength;
  }

  /** Number of keys in the table (some may have only stale values left). */
  get keyCount(): number {
    return this.occupied;
  }

  /** Number of live values stored. */
  get size(): number {
    return this.livePostings;
  }

  /** Takes `node` (after `previous`, or first when -1) out of the list of `slot` and returns its room to the pool. */
  private unlink(slot: number, previous: number, node: number): void {
    const after = this.next[node] ?? -1;
    if (previous < 0) this.heads[slot] = after;
    else this.next[previous] = after;
    this.next[node] = this.freeList;
    this.freeList = node;
  }

  private find(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
      if (this.counts[slot] === EMPTY) return -1;
      if (this.keys[slot] === key) return slot;
    }
  }

  private slotFor(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
      if (this.counts[slot] === EMPTY || this.keys[slot] === key) return slot;
    }
  }

  private allocate(): number {
    if (this.freeList >= 0) {
      const node = this.freeList;
      this.freeList = this.next[node] ?? -1;
      return node;
    }
    if (this.poolUsed === this.values.length) {
      const length = Math.ceil(this.values.length * 1.5);
      this.values = grown(this.values, length);
      this.next = grown(this.next, length);
    }
    const node = this.poolUsed;
    this.poolUsed += 1;
    return node;
  }

  // Keys without values (all forgotten and compacted away) are dropped here; the table doubles
  // only when the keys still in use need it.
  private rehash(): void {
    const { keys, heads, counts } = this;
    let liveKeys = 0;
    for (let slot = 0; slot < keys.length; slot += 1) if ((heads[slot] ?? -1) >= 0) liveKeys += 1;
    const capacity = liveKeys + 1 > keys.length * MAX_LOAD * 0.5 ? keys.length * 2 : keys.length;
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    this.counts = new Int32Array(capacity).fill(EMPTY);
    this.occupied = 0;
    for (let slot = 0; slot < keys.length; slot += 1) {
      if ((heads[slot] ?? -1) < 0) continue;
      const target = this.slotFor(keys[slot] ?? 0);
      this.keys[target] = keys[slot] ?? 0;
      this.heads[target] = heads[slot] ?? -1;
      this.counts[target] = counts[slot] ?? 0;
      this.occupied += 1;
    }
  }
}

function spread(key: number): number {
  const mixed = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

function powerOfTwoAtLeast(n: number): number {
  let size = 16;
  while (size < n) size *= 2;
  return size;
}

/** A copy of `array` in a longer one. */
export function grown(array: Int32Array, length = array.length * 2): Int32Array {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
