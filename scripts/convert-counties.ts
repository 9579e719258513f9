/**
 * Converts lib/regions/data/poverty-counties-832.csv (the committed source)
 * into poverty-counties-832.json, which the extension imports. A unit test
 * checks that the two agree, so the JSON can never drift from its source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCountyCsv } from '../lib/regions/county-csv';

const csv = readFileSync('lib/regions/data/poverty-counties-832.csv', 'utf8');
writeFileSync('lib/regions/data/poverty-counties-832.json', `${JSON.stringify(parseCountyCsv(csv))}\n`);
console.log('wrote lib/regions/data/poverty-counties-832.json');
