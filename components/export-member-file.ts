import { getDb } from '../lib/db/instance';
import type { Period } from '../lib/ledger/member-export';
import { settings } from '../lib/settings';
import { saveFile, XLSX_TYPE } from './save-file';

/**
 * Exports the user's purchases of a period as the member file a coordinator
 * merges (DESIGN §7), signed with the profile. The spreadsheet writer is
 * loaded on demand: it is most of the export's weight, and the popup must open fast.
 */
export async function exportMemberFile(
  kind: 'xlsx' | 'csv',
  period: Period,
): Promise<{ count: number; totalFen: number; signed: boolean }> {
  const { memberCsvBytes, memberFileName, memberRowsOf, memberTotals, memberXlsxBytes } = await import(
    '../lib/ledger/member-export'
  );
  const [purchases, profile] = await Promise.all([getDb().purchases.toArray(), settings.profile.getValue()]);
  const rows = memberRowsOf(purchases, profile, period);
  if (kind === 'xlsx') {
    const meta = { profile, period, exportedAt: new Date().toISOString() };
    saveFile(memberXlsxBytes(rows, meta), memberFileName(profile, period, 'xlsx'), XLSX_TYPE);
  } else {
    saveFile(memberCsvBytes(rows), memberFileName(profile, period, 'csv'), 'text/csv;charset=utf-8');
  }
  return { count: rows.length, totalFen: memberTotals(rows).totalFen, signed: Boolean(profile.name) };
}
