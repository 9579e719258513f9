/// <reference lib="webworker" />
/**
 * Reads member files off the page's thread: parsing a workbook is most of a
 * merge's cost, and a pool of these reads several at once. Each reply goes
 * under its request's id (lib/workers/client).
 */
import '../../lib/zod';
import { type MemberFileReport, readCheckedMemberFile } from '../../lib/coordinator/read-member-file';
import { serveRequests } from '../../lib/workers/client';
import type { MergeWorkerRequest } from './merge-worker-protocol';

serveRequests<MergeWorkerRequest, MemberFileReport>(self as unknown as DedicatedWorkerGlobalScope, async (file) => ({
  reply: await readCheckedMemberFile(file),
}));
