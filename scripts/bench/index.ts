import { badgesBench } from './badges';
import { catalogueImportBench } from './catalogue-import';
import { matchBench } from './match';
import { mergeBench } from './merge';
import type { Bench } from './util';

export const BENCHES: Bench[] = [badgesBench, matchBench, catalogueImportBench, mergeBench];
