import type { LedgerEntry } from '../shared/liveUpdates';

// The campaign page keeps the ledger it has read and, on each change, reads only what came after
// the last sequence it holds: a campaign's history grows by a few entries per command, while
// reading it whole on every live update would cost hundreds of entries each time.

type Sequenced = Pick<LedgerEntry, 'sequence'>;

/** The last sequence held (0 before the first entry): what to pass as `after`. */
export function lastSequence(entries: readonly Sequenced[]): number {
  return entries.length === 0 ? 0 : entries[entries.length - 1].sequence;
}

/**
 * The entries held plus the news, in sequence order, each sequence once. Overlapping reads (a live
 * update while the first read is still running, two updates in a row) may return the same entries
 * twice. Returns `known` itself when nothing is new, so the page does not redraw the chart.
 */
export function mergeHistory<T extends Sequenced>(known: readonly T[], news: readonly T[]): readonly T[] {
  const held = new Set(known.map((e) => e.sequence));
  const fresh = news.filter((e) => !held.has(e.sequence) && (held.add(e.sequence), true));
  if (fresh.length === 0) return known;
  const last = lastSequence(known);
  // The usual case: the news follows what is held. Anything else (a read that overtook another) is sorted in.
  return fresh.every((e, i) => e.sequence > (i === 0 ? last : fresh[i - 1].sequence))
    ? [...known, ...fresh]
    : [...known, ...fresh].sort((a, b) => a.sequence - b.sequence);
}
