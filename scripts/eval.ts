/**
 * `npm run eval`: precision and recall per tier — on the REAL set (real listings labelled by reading, from
 * ../shared), per source, with every wrong listing; then, separately, on the generated regression set,
 * which is never an accuracy figure. `--all` prints the regression set's mistakes too.
 */
import { matchListings } from '../lib/match/query';
import { formatReasons } from '../lib/match/reasons';
import {
  buildEvalIndex,
  byCase,
  type EvalData,
  formatScores,
  loadRealData,
  loadRegressionData,
  type Mistake,
  realSetPresent,
  scoreResults,
} from './eval/evaluate';
import { evaluatePages } from './eval/pages';

const printMistake = ({ listing, got }: Mistake) =>
  console.log(
    `  ✗ [${listing.case}] ${listing.title}\n      shop「${listing.shopName ?? ''}」 expected ${listing.expected}${listing.entryId ? ` ${listing.entryId}` : ''}, got ${got.tier ?? 'none'}${got.entryId ? ` ${got.entryId}` : ''}\n      matcher: ${formatReasons(got.reasons) || '—'}${listing.why ? `\n      label: ${listing.why}` : ''}`,
  );

function report(data: EvalData, options: { perCase: boolean; mistakes: boolean }) {
  const index = buildEvalIndex(data);
  const results = matchListings(index, data.listings, { today: data.today });
  const { tiers, mistakes } = scoreResults(data.listings, results);
  console.log(`\n══ ${data.name}: ${data.listings.length} listings, ${data.entries.length} catalogue entries`);
  console.log(formatScores('all', tiers));
  if (options.perCase) {
    for (const [name, rows] of byCase(data.listings)) {
      const part = scoreResults(
        rows.map((i) => data.listings[i] as (typeof data.listings)[number]),
        rows.map((i) => results[i] as (typeof results)[number]),
      );
      console.log(formatScores(`${name} (${rows.length})`, part.tiers));
    }
  }
  if (options.mistakes) {
    console.log(`\n${mistakes.length} wrong:`);
    for (const m of mistakes) printMistake(m);
  } else console.log(`${mistakes.length} wrong (print them with --all)`);
  return mistakes.length;
}

if (realSetPresent()) {
  report(loadRealData(), { perCase: true, mistakes: true });
  const pages = evaluatePages();
  console.log(
    `\n══ real page captures (../shared/fixtures/pages, labels in tests/fixtures/real-pages): ${pages.count} cards`,
  );
  console.log(formatScores('all', pages.tiers));
  for (const m of pages.mistakes) printMistake(m);
} else {
  console.log('The real set (../shared/data/listings-real) is not here: no accuracy can be reported.');
}
report(loadRegressionData(), { perCase: false, mistakes: process.argv.includes('--all') });
console.log('\n(The regression set is generated from the matcher’s own word lists: a regression guard, not accuracy.)');
