import { describe, expect, it } from 'vitest';
import { installSampleCatalogue, SAMPLE_SOURCE_ID, sampleCataloguePlan } from '../../lib/catalogue/sample';
import { readAllEntries, writeSource } from '../../lib/catalogue/store';
import { ReliefDb } from '../../lib/db/schema';
import { isPovertyCounty } from '../../lib/regions';

describe('the sample catalogue', () => {
  it('passes the same validation as any file, with no rejected rows', () => {
    const plan = sampleCataloguePlan('2026-11-25');
    expect(plan.rejected).toEqual([]);
    expect(plan.duplicates).toEqual([]);
    expect(plan.entries.length).toBeGreaterThanOrEqual(20);
  });

  it('is spread over real poverty counties, with one expired and one revoked entry', () => {
    const { entries } = sampleCataloguePlan('2026-11-25');
    for (const e of entries) expect(isPovertyCounty(e.countyCode), e.name).toBe(true);
    expect(entries.filter((e) => e.status === 'expired').map((e) => e.name)).toEqual(['旬阳拐枣']);
    expect(entries.filter((e) => e.status === 'revoked').map((e) => e.name)).toEqual(['三都水晶葡萄']);
  });

  it('is loaded on first install, marked as a sample', async () => {
    const db = new ReliefDb('sample-1');
    expect(await installSampleCatalogue(db)).toBe(true);
    const source = await db.catalogueSources.get(SAMPLE_SOURCE_ID);
    expect(source).toMatchObject({ sample: true, name: '示例目录（非官方，仅供体验）' });
    expect((await readAllEntries(db)).filter((e) => e.sourceId === SAMPLE_SOURCE_ID)).toHaveLength(
      source?.rowCount ?? -1,
    );
  });

  it('is never loaded over a catalogue the user has', async () => {
    const db = new ReliefDb('sample-2');
    await writeSource(db, { id: 'src:mine', name: 'mine', rowCount: 0, importedAt: '2026-01-01', sample: false }, []);
    expect(await installSampleCatalogue(db)).toBe(false);
    expect(await db.catalogueSources.count()).toBe(1);
  });
});
