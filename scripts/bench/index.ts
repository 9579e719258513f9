import { bundleBench } from './bundle';
import type { Bench } from './util';

export const BENCHES: Bench[] = [bundleBench];
