/** `npm run eval`: precision and recall per tier on the labelled evaluation set. */
import { matchListings } from '../lib/match/query';
import { buildEvalIndex, EVAL_TODAY, formatScores, loadEvalData, scoreResults } from './eval/evaluate';

const data = loadEvalData();
const index = buildEvalIndex(data);
const results = matchListings(index, data.listings, { today: EVAL_TODAY });
const { tiers, mistakes } = scoreResults(data.listings, results);
console.log(`${data.listings.length} labelled listings, ${data.entries.length} catalogue entries\n`);
console.log(formatScores('relief matcher', tiers));
if (process.argv.includes('--mistakes') || mistakes.length <= 30) {
  console.log(`\n${mistakes.length} mistakes:`);
  for (const { listing, got } of mistakes) {
    console.log(
      `  [${listing.case}] ${listing.title} | ${listing.shopName ?? ''} → expected ${listing.expected}${listing.entryId ? ` ${listing.entryId}` : ''}, got ${got.tier ?? 'none'}${got.entryId ? ` ${got.entryId}` : ''} (${got.reasons.join('；')})`,
    );
  }
} else {
  console.log(`\n${mistakes.length} mistakes (show them with --mistakes)`);
}
