/// <reference lib="webworker" />
/**
 * Reads, validates and writes catalogue files off the page's thread, so a
 * national list (150,000 rows) never freezes the tab. The parsed entries stay
 * here between the report and the user's confirmation.
 */
import '../../lib/zod';
import {
  type CatalogueFileReading,
  commitCatalogueImport,
  parseCatalogueFile,
  TableFileError,
} from '../../lib/catalogue/import';
import { problemsCsv, summarisePlan } from '../../lib/catalogue/report';
import { ReliefDb } from '../../lib/db/schema';
import type { WorkerReply, WorkerRequest } from './catalogue-worker-protocol';

const db = new ReliefDb();
let pending: CatalogueFileReading | undefined;

const reply = (message: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'read') {
      pending = undefined;
      const start = performance.now();
      const reading = parseCatalogueFile(
        { name: request.name, bytes: request.bytes },
        { sourceName: request.sourceName, today: request.today },
      );
      pending = reading;
      reply({
        type: 'report',
        summary: { ...reading, plan: summarisePlan(reading.plan), readMs: performance.now() - start },
      });
    } else if (request.type === 'commit') {
      if (!pending) throw new Error('没有待导入的文件。');
      const start = performance.now();
      const source = await commitCatalogueImport(db, pending, { importedAt: request.importedAt });
      pending = undefined;
      reply({ type: 'done', source, writeMs: performance.now() - start });
    } else if (request.type === 'reportCsv') {
      if (!pending) throw new Error('没有待导入的文件。');
      const bytes = problemsCsv(pending.plan);
      reply({ type: 'reportCsv', bytes });
    } else {
      pending = undefined;
    }
  } catch (error) {
    reply({ type: 'error', message: error instanceof TableFileError ? error.message : String(error) });
  }
};
