/** A worker thread of the merge bench: reads member files, as the coordinator page's workers do. */
import { parentPort } from 'node:worker_threads';
import { readMemberFile } from '../../lib/coordinator/read-member-file';

parentPort?.on('message', ({ id, name, bytes }: { id: number; name: string; bytes: Uint8Array }) => {
  parentPort?.postMessage({ id, report: readMemberFile({ name, bytes }) });
});
