import { describe, expect, it } from 'vitest';
import { mergeMemberFiles } from '../../lib/coordinator/merge';
import { readMemberFile } from '../../lib/coordinator/read-member-file';
import {
  defaultReportInputs,
  type ReportInputs,
  reportHead,
  reportInputsOf,
  reservePercent,
} from '../../lib/coordinator/report-inputs';
import {
  fileStatus,
  type MergeState,
  sessionOf,
  stateOf,
  withDecision,
  withFilesRead,
} from '../../lib/coordinator/session';
import { MergeSessionSchema } from '../../lib/db/entities';
import { type MemberProfile, memberRowsOf, memberXlsxBytes } from '../../lib/ledger/member-export';
import { purchase } from './helpers';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
function memberFile(profile: MemberProfile, amounts: number[], name = `${profile.name}.xlsx`) {
  const purchases = amounts.map((amountFen, i) => purchase({ purchasedOn: `2026-03-0${i + 1}`, amountFen }));
  const bytes = memberXlsxBytes(memberRowsOf(purchases, profile, PERIOD), {
    profile,
    period: PERIOD,
    exportedAt: '2026-11-25T10:00:00.000Z',
  });
  return readMemberFile({ name, bytes });
}

const zhang = memberFile({ name: '张三', unit: '财政局' }, [7000, 3500]);
const li = memberFile({ name: '李四', unit: '财政局' }, [12000]);
const defaults = defaultReportInputs('2026-05-03');
const typed = (over: Partial<ReportInputs>): ReportInputs => ({ ...defaults, ...over });

describe('the report head from what the coordinator typed', () => {
  it('starts from this calendar year, a canteen and nothing typed', () => {
    expect(defaults).toMatchObject({ start: '2026-01-01', end: '2026-12-31', hasCanteen: true, ratioPercent: null });
  });

  it('takes unit and preparer from the profile until typed, and the share from the pledge rules until typed', () => {
    const context = { today: '2026-05-03', profile: { unit: '财政局', name: '张三' }, reserveShare: 0.2 };
    const head = reportHead(typed({ canteenBaseYuan: 200000 }), context);
    expect(head.meta).toMatchObject({ unit: '财政局', preparer: '张三', date: '2026-05-03' });
    expect(head.ratio).toBe(0.2);
    expect(head.reserveFen).toBe(4_000_000);
    const own = reportHead(typed({ unit: '办公室', preparer: '', canteenBaseYuan: 200000, ratioPercent: 10 }), context);
    expect(own.meta).toMatchObject({ unit: '办公室', preparer: '' });
    expect(own.ratio).toBe(0.1);
    expect(own.reserveFen).toBe(2_000_000);
    expect(own.meta.canteen).toEqual({ has: true, baseFen: 20_000_000, ratio: 0.1 });
  });

  it('has no 预留份额 without a canteen or its base, and no person target at 0', () => {
    const context = { today: '2026-05-03' };
    expect(reportHead(typed({ hasCanteen: false, canteenBaseYuan: 200000 }), context).reserveFen).toBeUndefined();
    expect(reportHead(typed({}), context).reserveFen).toBeUndefined();
    expect(reportHead(typed({}), context).ratio).toBe(0.1);
    expect(reportHead(typed({ personTargetYuan: 0 }), context).meta.personTargetFen).toBeUndefined();
    expect(reportHead(typed({ personTargetYuan: 1000.5 }), context).meta.personTargetFen).toBe(100050);
  });

  it('leaves an emptied period end open', () => {
    expect(reportHead(typed({ end: '' }), { today: '2026-05-03' }).meta.period).toEqual({
      start: '2026-01-01',
      end: undefined,
    });
  });

  it('shows progress in percent with one decimal, never past 100', () => {
    expect(reservePercent(20000, 2_000_000)).toBe(1);
    expect(reservePercent(1, 3)).toBe(33.3);
    expect(reservePercent(5, 4)).toBe(100);
    expect(reservePercent(5, 0)).toBe(0);
  });
});

describe('the merge page state', () => {
  it('replaces the reading of a file picked again, keeping the others in order', () => {
    const again = memberFile({ name: '张三', unit: '财政局' }, [100]);
    const reports = withFilesRead(withFilesRead([], [zhang, li]), [again]);
    expect(reports.map((r) => [r.fileName, r.totalFen])).toEqual([
      ['李四.xlsx', 12000],
      ['张三.xlsx', 100],
    ]);
  });

  it('records a decision from what the row did by default, and the merge follows it', () => {
    const merged = mergeMemberFiles([zhang, li], { period: PERIOD });
    expect(merged.totalFen).toBe(22500);
    const row = merged.rows.find((r) => r.amountFen === 12000);
    if (!row) throw new Error('no row of 李四');
    const out = withDecision({}, row, { include: false });
    expect(out).toEqual({ [row.key]: { include: false, note: '' } });
    const noted = withDecision(out, row, { note: '重复报销' });
    expect(noted[row.key]).toEqual({ include: false, note: '重复报销' });
    expect(mergeMemberFiles([zhang, li], { period: PERIOD, decisions: noted }).totalFen).toBe(10500);
  });

  it('tells a clean file, one with problems and one it could not read', () => {
    expect(fileStatus(zhang)).toBe('ok');
    expect(fileStatus({ ...zhang, problems: ['说明写 3 条，明细有 2 条'] })).toBe('problem');
    expect(fileStatus({ ...zhang, rejected: [{ rowNumber: 4, column: '金额(元)', reason: '不是金额' }] })).toBe(
      'problem',
    );
    const cut = readMemberFile({ name: 'cut.xlsx', bytes: new Uint8Array([80, 75, 3, 4, 0]) });
    expect(fileStatus(cut)).toBe('error');
  });
});

describe('a saved merge session', () => {
  const state: MergeState = {
    reports: [zhang, li],
    decisions: { '李四.xlsx#1': { include: false, note: '重复' } },
    inputs: typed({ head: '赵六', canteenBaseYuan: 200000, ratioPercent: 10, unit: '财政局' }),
  };
  const saved = { id: 's1', title: '财政局 2026-01-01 至 2026-12-31', savedAt: '2026-11-25T10:00:00.000Z' };

  it('opens as it was saved, through storage', () => {
    const stored = MergeSessionSchema.parse(JSON.parse(JSON.stringify(sessionOf(state, saved))));
    expect(stateOf(stored, defaults)).toEqual({ ...state, unreadable: [] });
  });

  it('leaves out reports that no longer parse, naming them, and keeps inputs that still do', () => {
    const stored = sessionOf(state, saved);
    const damaged = {
      ...stored,
      reports: [stored.reports[0], { fileName: '王五.xlsx', rows: 'x' }, 7],
      meta: { ...stored.meta, ratioPercent: '10', head: 42, phone: '0734-1234567' },
    };
    const opened = stateOf(damaged, defaults);
    expect(opened.reports).toEqual([zhang]);
    expect(opened.unreadable).toEqual(['王五.xlsx', '#3']);
    expect(opened.inputs).toEqual({ ...state.inputs, ratioPercent: null, head: '', phone: '0734-1234567' });
  });

  it('keeps defaults for what an older session did not save', () => {
    expect(reportInputsOf({ start: '2025-01-01' }, defaults)).toEqual({ ...defaults, start: '2025-01-01' });
  });
});
