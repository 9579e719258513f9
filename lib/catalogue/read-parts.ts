import { MIN_PART_BYTES } from '../tables/limits';

/** The most parts a file is read in: merging more costs the first part more than the others save. */
export const MAX_READ_PARTS = 4;

/**
 * How many parts (workers) read a catalogue file of `bytes` on a machine that
 * reports `cores`. One core stays for what runs beside the reading: the page,
 * the browser's IndexedDB writes, the service worker. Measured by `npm run bench
 * -- catalogue-scale` on 2 shared cores (150,000 rows, load 7–14): two parts took
 * 0.99× to 1.56× as long as one worker, never less, so two cores read in one part. Unknown cores
 * count as two. A part is at least `minPartBytes` (starting and merging a part
 * cost more than a smaller one saves).
 */
export function catalogueReadParts(cores: number | undefined, bytes: number, minPartBytes = MIN_PART_BYTES): number {
  const known = cores && cores > 0 ? Math.floor(cores) : 2;
  const bySize = Math.floor(bytes / minPartBytes);
  return Math.max(1, Math.min(known - 1, MAX_READ_PARTS, bySize));
}
