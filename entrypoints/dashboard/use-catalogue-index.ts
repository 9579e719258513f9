import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { readAllEntries } from '../../lib/catalogue/store';
import { getDb } from '../../lib/db/instance';
import { buildMatchIndex, type MatchIndex } from '../../lib/match/build-index';

/**
 * The coordinator's own catalogue as a match index, built in the page as the
 * background builds it (lib/match buildMatchIndex), from every imported list
 * except the bundled 示例 one; rebuilt when a list is imported or deleted.
 */
export function useCatalogueIndex(): { index?: MatchIndex; entries: number } {
  const sources = useLiveQuery(() => getDb().catalogueSources.toArray(), []);
  const version = sources
    ?.filter((s) => !s.sample)
    .map((s) => `${s.id}:${s.importedAt}:${s.rowCount}`)
    .sort()
    .join('|');
  const [built, setBuilt] = useState<{ version: string; index: MatchIndex; entries: number }>();
  useEffect(() => {
    if (version === undefined || !sources) return;
    let live = true;
    const own = new Set(sources.filter((s) => !s.sample).map((s) => s.id));
    void readAllEntries(getDb()).then((all) => {
      const entries = all.filter((e) => own.has(e.sourceId));
      if (live)
        setBuilt({ version, index: buildMatchIndex(entries, [], `coordinator:${version}`), entries: entries.length });
    });
    return () => {
      live = false;
    };
  }, [version, sources]);
  return built && built.version === version ? { index: built.index, entries: built.entries } : { entries: 0 };
}
