import { ReliefDb } from './schema';

let shared: ReliefDb | undefined;

/** The one database of an extension page (popup, dashboard), opened lazily. */
export function getDb(): ReliefDb {
  shared ??= new ReliefDb();
  return shared;
}
