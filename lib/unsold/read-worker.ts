/// <reference lib="webworker" />
/** Reads an unsold register file off the page's thread (see read-checked.ts). */
import '../zod';
import { serveRequests } from '../workers/client';
import type { UnsoldImport } from './file';
import { readCheckedUnsoldFile, type UnsoldReadRequest } from './read-checked';

serveRequests<UnsoldReadRequest, UnsoldImport>(self as unknown as DedicatedWorkerGlobalScope, async (request) => ({
  reply: await readCheckedUnsoldFile(request),
}));
