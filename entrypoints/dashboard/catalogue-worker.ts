/// <reference lib="webworker" />
/**
 * Reads, validates and writes catalogue files off the page's thread, so a
 * national list (150,000 rows) never freezes the tab. The parsed entries stay
 * here between the report and the user's confirmation.
 *
 * A large CSV is read in parts: this worker reads the first, helper workers
 * (the same script, answering on a port) read and then write the others, and
 * the written parts become the source's entries in one transaction here.
 */
import '../../lib/zod';
import { checkTableFileLimits, commitCatalogueImport, parseCatalogueFile } from '../../lib/catalogue/import';
import {
  type CataloguePartReading,
  commitPartedReading,
  type PartedReading,
  partReport,
  readLaterPart,
  readSplitCatalogue,
  splitCatalogueFile,
  stageLaterPart,
} from '../../lib/catalogue/parts';
import { problemsCsv, summarisePlan } from '../../lib/catalogue/report';
import { ReliefDb } from '../../lib/db/schema';
import { CodedError, message, messageOfError } from '../../lib/i18n/message';
import { serveRequests, type WorkerClient, workerClient } from '../../lib/workers/client';
import {
  type PartReply,
  PartReplySchema,
  type PartRequest,
  type WorkerReply,
  type WorkerRequest,
} from './catalogue-worker-protocol';

const db = new ReliefDb();
type Helper = WorkerClient<PartRequest, PartReply>;
let helpers: Helper[] = [];

/**
 * A reading waiting for the user: its plan holds this worker's entries; the
 * helpers on `ports` hold the later parts (none when it was read whole).
 */
type Pending = PartedReading & { ports: Helper[] };
let pending: Pending | undefined;

const reply = (message: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

/** Asks a helper; its reply is the one with the request's id, parsed (lib/workers/client). */
const askHelper = (helper: Helper, request: PartRequest, transfer: Transferable[] = []): Promise<PartReply> =>
  helper.request(request, transfer);

/** Tells every helper to drop what it holds; a helper that cannot answer holds nothing worth waiting for. */
const discardHelpers = () => {
  for (const helper of helpers) askHelper(helper, { type: 'discard' }).catch(() => undefined);
};

async function read(request: Extract<WorkerRequest, { type: 'read' }>): Promise<Pending> {
  discardHelpers();
  const file = { name: request.name, bytes: request.bytes };
  await checkTableFileLimits(file); // a zip bomb is refused before SheetJS inflates it
  const options = { sourceName: request.sourceName, today: request.today };
  const split = helpers.length ? splitCatalogueFile(file, helpers.length + 1) : undefined;
  if (split) {
    const ports = helpers.slice(0, split.parts.length - 1);
    const parted = await readSplitCatalogue(file, options, split, async (index, bytes, partSplit, planOptions) => {
      const copy = bytes.slice(); // its own buffer, handed over
      const answer = await askHelper(
        ports[index - 1] as Helper,
        { type: 'readPart', bytes: copy, split: partSplit, index, options: planOptions },
        [copy.buffer],
      );
      return answer.type === 'partRead' ? answer.report : undefined;
    });
    if (parted) return { ...parted, ports };
  }
  const reading = parseCatalogueFile(file, options);
  return { reading, entryCount: reading.plan.entries.length, drops: [], kept: [], ports: [] };
}

/** Writes a pending reading: in one transaction, or, read in parts, with the helpers writing theirs at once. */
async function commit(reading: Pending, importedAt: string) {
  if (!reading.ports.length) return commitCatalogueImport(db, reading.reading, { importedAt });
  return commitPartedReading(db, reading, { importedAt }, async (index, chunkSet, firstIndex) => {
    const port = reading.ports[index - 1];
    if (!port) throw new Error(`no part ${index}`);
    const drop = reading.drops[index - 1] ?? [];
    const answer = await askHelper(port, { type: 'stage', chunkSet, firstIndex, drop });
    if (answer.type === 'failed') throw new CodedError(answer.problem);
  });
}

/** A helper: reads a later part, then writes it when the reading is confirmed; each reply under its request's id. */
function serve(port: MessagePort) {
  let part: CataloguePartReading | undefined;
  serveRequests<PartRequest, PartReply>(port, async (request) => {
    try {
      if (request.type === 'readPart') {
        part = undefined;
        part = readLaterPart(request.bytes, request.split, request.index, request.options);
        return { reply: { type: 'partRead', report: part && partReport(part) } };
      }
      if (request.type === 'stage') {
        if (!part) throw new CodedError(message('catalogue.worker.noPart'));
        await stageLaterPart(db, part, request);
        part = undefined;
        return { reply: { type: 'staged' } };
      }
      part = undefined;
      return { reply: { type: 'discarded' } };
    } catch (error) {
      return { reply: { type: 'failed', problem: messageOfError(error) } };
    }
  });
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'read') {
      pending = undefined;
      const start = performance.now();
      pending = await read(request);
      reply({
        type: 'report',
        summary: {
          ...pending.reading,
          plan: summarisePlan(pending.reading.plan, pending.entryCount),
          readMs: performance.now() - start,
          parts: pending.ports.length + 1,
        },
      });
    } else if (request.type === 'commit') {
      if (!pending) throw new CodedError(message('catalogue.worker.nothingPending'));
      const start = performance.now();
      const source = await commit(pending, request.importedAt);
      pending = undefined;
      reply({ type: 'done', source, writeMs: performance.now() - start });
    } else if (request.type === 'reportCsv') {
      if (!pending) throw new CodedError(message('catalogue.worker.nothingPending'));
      reply({ type: 'reportCsv', bytes: problemsCsv(pending.reading.plan) });
    } else if (request.type === 'helpers') {
      helpers = request.ports.map((port) => workerClient<PartRequest, PartReply>(port, PartReplySchema));
    } else if (request.type === 'serve') {
      serve(request.port);
    } else {
      pending = undefined;
      discardHelpers();
    }
  } catch (error) {
    reply({ type: 'error', problem: messageOfError(error) });
  }
};
