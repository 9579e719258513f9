/**
 * The real page captures of ../shared/fixtures/pages, read by the site adapters as the content script
 * reads them, matched against the hand-written catalogue whose entries name these pages' shops
 * (tests/fixtures/catalogues/badges.csv), and scored against our labels of every card
 * (tests/fixtures/real-pages/labels.csv, decided by reading each card; the pages stay in shared/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import Papa from 'papaparse';
import { parseCatalogueFile } from '../../lib/catalogue/import';
import { buildMatchIndex } from '../../lib/match/build-index';
import type { MatchResult } from '../../lib/match/listing';
import { matchListings } from '../../lib/match/query';
import { adapterFor } from '../../lib/sites';
import { type Expected, type LabelledListing, REAL_PAGE_LABELS, REAL_PAGES_DIR, scoreResults } from './evaluate';

/** The captures and the addresses they were served at. */
export const REAL_PAGES = [
  { file: 'jd-search-2018.html', url: 'https://search.jd.com/Search?keyword=%E6%BF%80%E5%85%89%E6%89%93%E5%8D%B0' },
  { file: 'taobao-search-2018.html', url: 'https://s.taobao.com/search?q=ipad' },
  { file: 'taobao-item-2020.html', url: 'https://item.taobao.com/item.htm?id=562283240178' },
] as const;

export const PAGES_TODAY = '2026-12-01';

/** The listings the adapters read off one capture. */
export function pageListings(file: string, url: string) {
  const window = new Window({ url });
  const doc = new window.DOMParser().parseFromString(readFileSync(join(REAL_PAGES_DIR, file), 'utf8'), 'text/html');
  const u = new URL(url);
  const page = adapterFor(u);
  if (!page) throw new Error(`no adapter for ${url}`);
  const found = page.adapter.listings(doc as unknown as Document, u).map((f) => f.listing);
  window.close();
  return found;
}

export function evaluatePages(): {
  tiers: ReturnType<typeof scoreResults>['tiers'];
  mistakes: ReturnType<typeof scoreResults>['mistakes'];
  count: number;
} {
  const bytes = new Uint8Array(readFileSync(join(process.cwd(), 'tests/fixtures/catalogues/badges.csv')));
  const { plan } = parseCatalogueFile({ name: 'badges.csv', bytes }, { today: PAGES_TODAY });
  const index = buildMatchIndex(plan.entries, [], 'pages');
  const ids = new Map(plan.entries.map((e) => [e.certificateNo ?? '', e.id]));
  const labels = existsSync(REAL_PAGE_LABELS)
    ? Papa.parse<Record<string, string>>(readFileSync(REAL_PAGE_LABELS, 'utf8'), { header: true, skipEmptyLines: true })
        .data
    : [];
  const listings: LabelledListing[] = [];
  const results: MatchResult[] = [];
  for (const { file, url } of REAL_PAGES) {
    const found = pageListings(file, url);
    const answers = matchListings(index, found, { today: PAGES_TODAY });
    found.forEach((l, i) => {
      const label = labels.find((r) => r.file === file && r.item_id === (l.itemId ?? ''));
      if (!label) throw new Error(`${REAL_PAGE_LABELS}: no label for ${file} item ${l.itemId} (${l.title})`);
      listings.push({
        ...l,
        case: file,
        expected: label.label as Expected,
        entryId: label.entry ? ids.get(label.entry) : undefined,
        why: label.why,
      });
      results.push(answers[i] as MatchResult);
    });
  }
  return { ...scoreResults(listings, results), count: listings.length };
}

if (process.argv[1]?.endsWith('pages.ts')) {
  for (const { file, url } of REAL_PAGES)
    for (const l of pageListings(file, url)) console.log([file, l.itemId, l.title, l.shopName, l.location].join(' | '));
}
