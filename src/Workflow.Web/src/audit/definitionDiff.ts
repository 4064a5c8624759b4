import type { Schemas } from '../shared/api';

// The "compare definition versions" panel's view model: which definitions and versions can be
// compared (from the published lists), and the server's structural changes as table rows.

export type DefinitionChange = Schemas['DefinitionChange'];
export type DefinitionVersion = Pick<Schemas['VersionView'], 'definitionId' | 'version'>;

/** Each definition id with its versions, oldest first; ids in alphabetical order. */
export function definitionChoices(versions: DefinitionVersion[]): { id: string; versions: number[] }[] {
  const byId = new Map<string, Set<number>>();
  for (const v of versions) {
    const set = byId.get(v.definitionId) ?? new Set<number>();
    set.add(Number(v.version));
    byId.set(v.definitionId, set);
  }
  return [...byId.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, set]) => ({ id, versions: [...set].sort((a, b) => a - b) }));
}

/** The versions to compare by default: the last two (or the only one with itself). */
export function defaultPair(versions: number[]): { from: number; to: number } | null {
  if (versions.length === 0) return null;
  return { from: versions[Math.max(0, versions.length - 2)], to: versions[versions.length - 1] };
}

export interface DiffRow {
  key: string;
  category: string;
  change: string;
  /** Where: the path, with the field when the change is to one field. */
  where: string;
  before: string;
  after: string;
}

/** Categories in the order a reader expects them: the definition, then its parts, then the wiring. */
const categoryOrder = [
  'definition',
  'input',
  'variable',
  'activity',
  'activityInput',
  'connection',
  'phase',
  'gate',
  'output',
  'workflowReference',
];

/** The table rows of a diff: grouped by category (stable within one), blank texts for absent values. */
export function diffRows(changes: DefinitionChange[]): DiffRow[] {
  const rank = (c: string) => {
    const i = categoryOrder.indexOf(c);
    return i < 0 ? categoryOrder.length : i;
  };
  return changes
    .map((c, index) => ({ c, index }))
    .sort((a, b) => rank(a.c.category) - rank(b.c.category) || a.index - b.index)
    .map(({ c, index }) => ({
      key: `${index}:${c.category}:${c.path}:${c.field ?? ''}`,
      category: c.category,
      change: c.change,
      where: c.field && !c.path.endsWith(c.field) ? (c.path ? `${c.path} · ${c.field}` : c.field) : c.path || c.field || '',
      before: c.before ?? '',
      after: c.after ?? '',
    }));
}

/** How many changes of each kind (added, removed, changed…), for the summary line. */
export function changeCounts(changes: DefinitionChange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.change] = (counts[c.change] ?? 0) + 1;
  return counts;
}
