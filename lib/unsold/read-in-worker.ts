/**
 * The unsold register page's reader: one worker per file, its reply parsed
 * at the boundary; a worker that dies (a file too big for its memory) or
 * answers nonsense becomes that file's error.
 */
import { workerClient } from '../workers/client';
import type { UnsoldImport } from './file';
import { UnsoldImportSchema, type UnsoldReadRequest, unsoldWorkerFailure } from './read-checked';
import UnsoldWorker from './read-worker?worker';

export async function readUnsoldFileInWorker(file: File, today: string): Promise<UnsoldImport> {
  const worker = new UnsoldWorker();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const client = workerClient<UnsoldReadRequest, UnsoldImport>(worker, UnsoldImportSchema);
    return await client.request({ name: file.name, bytes, today }, [bytes.buffer]);
  } catch (error) {
    return unsoldWorkerFailure(file.name, error instanceof Error ? error.message : String(error));
  } finally {
    worker.terminate();
  }
}
