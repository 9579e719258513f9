import type { MemberFileReport } from '../../lib/coordinator/read-member-file';

export interface MergeWorkerRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export interface MergeWorkerReply {
  id: number;
  report: MemberFileReport;
}
