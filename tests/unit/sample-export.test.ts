import { describe, expect, it } from 'vitest';
import { SAMPLE_SOURCE_ID } from '../../lib/catalogue/sample-id';
import { mergeMemberFiles } from '../../lib/coordinator/merge';
import { readMemberFile } from '../../lib/coordinator/read-member-file';
import { memberRowsOf, memberXlsxBytes, SAMPLE_MARK } from '../../lib/ledger/member-export';
import { purchase } from './helpers';

describe('rows of the sample catalogue are marked 示例 in exports, and the coordinator flags them', () => {
  it('member file → coordinator’s merge: the sample row is flagged sample, the official one not', () => {
    const sample = purchase({
      id: 's',
      purchasedOn: '2026-03-01',
      amountFen: 3600,
      product: '通江银耳',
      catalogueEntryId: `${SAMPLE_SOURCE_ID}#3`,
      certification: { tier: 'certified', status: 'valid', entryId: `${SAMPLE_SOURCE_ID}#3` },
      note: '给父母',
    });
    const official = purchase({ id: 'o', purchasedOn: '2026-03-02', amountFen: 8800, catalogueEntryId: 'src:unit#1' });
    const profile = { name: '张三', unit: '某某县财政局' };
    const period = { start: '2026-01-01', end: '2026-12-31' };
    const rows = memberRowsOf([sample, official], profile, period);
    expect(rows.map((r) => r.note)).toEqual([`${SAMPLE_MARK} 给父母`, '']);
    expect(SAMPLE_MARK).toBe('示例');

    const bytes = memberXlsxBytes(rows, { profile, period, exportedAt: '2026-04-01T00:00:00Z' });
    const report = readMemberFile({ name: '张三.xlsx', bytes });
    const merged = mergeMemberFiles([report], { period });
    const flagged = merged.rows.map((r) => [r.product, r.flags.includes('sample')]);
    expect(flagged).toEqual([
      ['通江银耳', true],
      ['祁东黄花菜', false],
    ]);
  });
});
