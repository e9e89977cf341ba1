import type { Entity, Mention } from './entities';

/**
 * The article's mentions ordered by start, so questions about a stretch of text ("which name
 * is inside this phrase", "who was mentioned lately") look at that stretch only, not at every
 * mention of a long article. Entities keep their registration order, which settles ties.
 */
export class MentionIndex {
  private readonly mentions: Mention[] = [];
  private readonly order = new Map<Entity, number>();

  addEntity(entity: Entity): void {
    if (!this.order.has(entity)) this.order.set(entity, this.order.size);
  }

  add(mention: Mention): void {
    let low = 0;
    let high = this.mentions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.mentions[middle] as Mention).start <= mention.start) low = middle + 1;
      else high = middle;
    }
    this.mentions.splice(low, 0, mention);
  }

  /** Mentions whose start lies in [from, to]. */
  startingIn(from: number, to: number): Mention[] {
    let low = 0;
    let high = this.mentions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.mentions[middle] as Mention).start < from) low = middle + 1;
      else high = middle;
    }
    const found: Mention[] = [];
    for (let k = low; k < this.mentions.length && (this.mentions[k] as Mention).start <= to; k += 1) found.push(this.mentions[k] as Mention);
    return found;
  }

  /** Registration order of an entity: of two equally good candidates, the earlier registered wins. */
  rank(entity: Entity): number {
    return this.order.get(entity) ?? Number.MAX_SAFE_INTEGER;
  }
}
