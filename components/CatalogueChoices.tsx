import { useEffect, useState } from 'react';
import { searchEntries } from '../lib/catalogue/entry-search';
import type { CatalogueEntry } from '../lib/db/entities';
import { getDb } from '../lib/db/instance';
import { useI18n } from './i18n';

const SHOWN = 5;

/**
 * 从目录选择: as a product is typed, the catalogue entries whose name,
 * supplier or 证书编号 hold it (the catalogue page's search); picking one fills
 * product, supplier and county. Nothing shows for fewer than two characters.
 */
export function CatalogueChoices({ query, onPick }: { query: string; onPick: (entry: CatalogueEntry) => void }) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<CatalogueEntry[]>([]);
  const q = query.trim();
  useEffect(() => {
    if (q.length < 2) {
      setEntries([]);
      return;
    }
    let live = true;
    // Typing fast reads the catalogue once, after the last key.
    const timer = setTimeout(() => {
      void searchEntries(getDb(), q, SHOWN + 1)
        .then((found) => live && setEntries(found.filter((e) => e.name !== q).slice(0, SHOWN)))
        .catch(() => undefined);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  if (!entries.length) return null;
  return (
    <div className="pf-choices" data-testid="catalogue-choices">
      <span className="pf-choices-label">{t('purchases.fromCatalogue')}</span>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <button type="button" data-testid="catalogue-choice" onClick={() => onPick(e)}>
              {e.name}
              <span className="pf-choices-supplier"> · {e.supplier}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
