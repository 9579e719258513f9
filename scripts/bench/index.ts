import { bundleBench } from './bundle';
import { catalogueImportBench } from './catalogue-import';
import type { Bench } from './util';

export const BENCHES: Bench[] = [bundleBench, catalogueImportBench];
