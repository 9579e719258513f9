import type { CatalogueEntry } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { findEntries } from './store';

/** Whether an entry answers a search as a person types it: in its name, supplier or 证书编号 (any case). */
export function entryMatchesQuery(entry: CatalogueEntry, query: string): boolean {
  const q = query.trim().toLowerCase();
  return (
    !q ||
    entry.name.toLowerCase().includes(q) ||
    entry.supplier.toLowerCase().includes(q) ||
    (entry.certificateNo ?? '').toLowerCase().includes(q)
  );
}

/** The first `limit` entries of the live catalogue that answer the search. */
export function searchEntries(db: ReliefDb, query: string, limit: number): Promise<CatalogueEntry[]> {
  return findEntries(db, (e) => entryMatchesQuery(e, query), limit);
}
