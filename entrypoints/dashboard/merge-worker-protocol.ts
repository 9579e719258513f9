import { MemberFileReportSchema } from '../../lib/coordinator/report-schema';

/** One member file to read (its bytes handed over); the reply is its report, parsed by the page. */
export interface MergeWorkerRequest {
  name: string;
  bytes: Uint8Array;
}

export const MergeWorkerReplySchema = MemberFileReportSchema;
