/// <reference lib="webworker" />
/**
 * Reads member files off the page's thread: parsing a workbook is most of a
 * merge's cost, and a pool of these reads several at once.
 */
import '../../lib/zod';
import { readCheckedMemberFile } from '../../lib/coordinator/read-member-file';
import type { MergeWorkerReply, MergeWorkerRequest } from './merge-worker-protocol';

self.onmessage = async (event: MessageEvent<MergeWorkerRequest>) => {
  const { id, name, bytes } = event.data;
  const reply: MergeWorkerReply = { id, report: await readCheckedMemberFile({ name, bytes }) };
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
