import type { Entity } from './entities';

/**
 * Entities grouped by a key of their written forms, each group in registration order: a
 * lookup compares a name with the few entities that can match it, not with every entity.
 */
export class NameBuckets {
  private readonly buckets = new Map<string, Entity[]>();

  constructor(private readonly rank: (entity: Entity) => number) {}

  add(key: string, entity: Entity): void {
    const bucket = this.buckets.get(key);
    if (!bucket) {
      this.buckets.set(key, [entity]);
      return;
    }
    if (bucket.includes(entity)) return;
    const at = bucket.findIndex((other) => this.rank(other) > this.rank(entity));
    if (at < 0) bucket.push(entity);
    else bucket.splice(at, 0, entity);
  }

  get(key: string): readonly Entity[] {
    return this.buckets.get(key) ?? [];
  }
}
