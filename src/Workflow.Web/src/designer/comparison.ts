// Which two published versions the versions panel compares: the caller's picks while they are
// still versions of the workflow, otherwise the newest against the one before it.

export interface Comparison {
  from: number;
  to: number;
}

/** The pair to compare among `versions` (any order), or null when there are fewer than two. */
export function comparisonOf(versions: readonly number[], picked: Partial<Comparison>): Comparison | null {
  if (versions.length < 2) return null;
  const newestFirst = [...versions].sort((a, b) => b - a);
  const known = (v: number | undefined) => v !== undefined && newestFirst.includes(v);
  return {
    from: known(picked.from) ? picked.from! : newestFirst[1],
    to: known(picked.to) ? picked.to! : newestFirst[0],
  };
}
