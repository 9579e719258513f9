/// <reference lib="webworker" />
/** Restores a backup file off the page's thread (see checked.ts). */
import '../zod';
import { ReliefDb } from '../db/schema';
import { serveRequests } from '../workers/client';
import { type RestoreReply, type RestoreRequest, restoreCheckedBackup } from './checked';

const db = new ReliefDb();

serveRequests<RestoreRequest, RestoreReply>(self as unknown as DedicatedWorkerGlobalScope, async (request) => ({
  reply: await restoreCheckedBackup(db, request),
}));
