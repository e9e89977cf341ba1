/** The gold `entities` table: canonical name -> aliases. */
export type EntityTable = Readonly<Record<string, readonly string[]>>;

/** Answers whether a predicted name stands for a gold entity, through the gold alias table. */
export interface EntityResolver {
  /** Canonical gold entities a name is the canonical name or an alias of (usually one, none if unknown). */
  entitiesOf(name: string): ReadonlySet<string>;
  /** True when `predicted` is `goldCanonical` itself, or a name or alias of that same entity. */
  sameEntity(predicted: string | null, goldCanonical: string | null): boolean;
}

/** Case, apostrophe style and spacing do not make a different name. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

export function createEntityResolver(table: EntityTable): EntityResolver {
  const byName = new Map<string, Set<string>>();
  const add = (name: string, canonical: string) => {
    const key = normaliseName(name);
    const set = byName.get(key) ?? new Set<string>();
    set.add(canonical);
    byName.set(key, set);
  };
  for (const [canonical, aliases] of Object.entries(table)) {
    add(canonical, canonical);
    for (const alias of aliases) add(alias, canonical);
  }
  const entitiesOf = (name: string): ReadonlySet<string> => byName.get(normaliseName(name)) ?? new Set<string>();
  return {
    entitiesOf,
    sameEntity(predicted, goldCanonical) {
      if (predicted === null || goldCanonical === null) return predicted === goldCanonical;
      if (normaliseName(predicted) === normaliseName(goldCanonical)) return true;
      return entitiesOf(predicted).has(goldCanonical);
    },
  };
}
