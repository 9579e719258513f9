/**
 * The merge page's state — member files read, the coordinator's review, the
 * report's inputs — and the merge session it is saved as (DESIGN §7: a merge
 * is stored only when the coordinator saves it). A saved session is parsed
 * when opened, never cast.
 */
import { type MergeSession, MergeSessionSchema } from '../db/entities';
import type { MergedRow, ReviewDecision } from './merge';
import type { MemberFileReport } from './read-member-file';
import { type ReportInputs, reportInputsOf } from './report-inputs';
import { MemberFileReportSchema } from './report-schema';

export type Decisions = Record<string, ReviewDecision>;

export interface MergeState {
  reports: MemberFileReport[];
  decisions: Decisions;
  inputs: ReportInputs;
}

/** Files just read join the merge; a file picked again replaces its earlier reading. */
export function withFilesRead(before: readonly MemberFileReport[], read: readonly MemberFileReport[]) {
  const names = new Set(read.map((r) => r.fileName));
  return [...before.filter((r) => !names.has(r.fileName)), ...read];
}

/** The coordinator's word on one row, over what the row did by default. */
export function withDecision(decisions: Decisions, row: MergedRow, next: Partial<ReviewDecision>): Decisions {
  const earlier = decisions[row.key];
  return {
    ...decisions,
    [row.key]: { include: earlier?.include ?? row.included, note: earlier?.note ?? '', ...next },
  };
}

/** How a file's row on the page reads: unreadable, read with problems, or clean. */
export function fileStatus(report: MemberFileReport): 'error' | 'problem' | 'ok' {
  if (report.error) return 'error';
  return report.problems.length || report.rejected.length ? 'problem' : 'ok';
}

/** The state as a session to store, under `id` when it was saved before. */
export function sessionOf(state: MergeState, saved: { id: string; title: string; savedAt: string }): MergeSession {
  return MergeSessionSchema.parse({ ...saved, reports: state.reports, decisions: state.decisions, meta: state.inputs });
}

/**
 * A stored session back as state. Reports that no longer parse are left out
 * and named in `unreadable` (by file name when it has one) so the page can say
 * so; inputs that do not parse keep their defaults.
 */
export function stateOf(session: MergeSession, defaults: ReportInputs): MergeState & { unreadable: string[] } {
  const reports: MemberFileReport[] = [];
  const unreadable: string[] = [];
  for (const [i, stored] of session.reports.entries()) {
    const parsed = MemberFileReportSchema.safeParse(stored);
    if (parsed.success) reports.push(parsed.data);
    else {
      const name = (stored as { fileName?: unknown } | null)?.fileName;
      unreadable.push(typeof name === 'string' ? name : `#${i + 1}`);
    }
  }
  return { reports, decisions: session.decisions, inputs: reportInputsOf(session.meta, defaults), unreadable };
}
