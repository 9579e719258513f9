import { bundleBench } from './bundle';
import { catalogueImportBench } from './catalogue-import';
import { matchBench } from './match';
import type { Bench } from './util';

export const BENCHES: Bench[] = [bundleBench, matchBench, catalogueImportBench];
