/**
 * A member file's report as it crosses a boundary (a worker's reply, a saved
 * merge session): parsed, never cast. The schema is checked against the
 * `MemberFileReport` the reader builds, both ways, so a field added to one and
 * not the other fails the type check instead of being dropped by the parse.
 */
import { MessageSchema } from '../i18n/message';
import { CERTIFICATION_LABELS, type CertificationLabel } from '../ledger/member-columns';
import type { MemberRow } from '../ledger/member-export';
import { z } from '../zod';
import type { MemberFileReport } from './read-member-file';

const LABELS = Object.keys(CERTIFICATION_LABELS) as [CertificationLabel, ...CertificationLabel[]];

export const MemberRowSchema = z.object({
  date: z.string(),
  person: z.string(),
  org: z.string(),
  department: z.string().optional(),
  product: z.string(),
  supplier: z.string(),
  county: z.string(),
  certification: z.enum(LABELS),
  batch: z.string(),
  quantity: z.number(),
  measure: z.string(),
  unitPriceFen: z.number(),
  amountFen: z.number(),
  channel: z.string(),
  funding: z.string(),
  type: z.string(),
  orderNo: z.string(),
  note: z.string(),
});

/** A message, or the Chinese text of a session saved before reports spoke in codes. */
const ReportTextSchema = z.union([z.string(), MessageSchema]);

export const MemberFileReportSchema = z.object({
  fileName: z.string(),
  error: ReportTextSchema.optional(),
  rows: z.array(MemberRowSchema),
  rowsRead: z.number().int().nonnegative(),
  rejected: z.array(z.object({ rowNumber: z.number(), column: z.string(), reason: ReportTextSchema })),
  declared: z.object({
    person: z.string().optional(),
    org: z.string().optional(),
    department: z.string().optional(),
    rowCount: z.number().optional(),
    totalFen: z.number().optional(),
    format: z.string().optional(),
  }),
  problems: z.array(ReportTextSchema),
  totalFen: z.number(),
  orderNoAltered: z.array(z.number().int().nonnegative()).optional(),
  contentHash: z.string().optional(),
  ordersHash: z.string().optional(),
});

/** True only when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameRow: Same<z.infer<typeof MemberRowSchema>, MemberRow> = true;
const sameReport: Same<z.infer<typeof MemberFileReportSchema>, MemberFileReport> = true;
void sameRow;
void sameReport;
