import { badgesBench } from './badges';
import { catalogueImportBench } from './catalogue-import';
import { catalogueScaleBench } from './catalogue-scale';
import { matchBench } from './match';
import { mergeBench } from './merge';
import { popupBench } from './popup';
import type { Bench } from './util';

export const BENCHES: Bench[] = [
  badgesBench,
  matchBench,
  catalogueImportBench,
  catalogueScaleBench,
  mergeBench,
  popupBench,
];
