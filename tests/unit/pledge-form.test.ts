import { describe, expect, it } from 'vitest';
import { PledgeSchema } from '../../lib/db/entities';
import { pledgeFormValues, pledgeKindDefaults, pledgeOfForm } from '../../lib/ledger/pledge-form';
import { DEFAULT_PLEDGE_RULES, PLEDGE_KIND_FIELDS, PLEDGE_KINDS } from '../../lib/ledger/pledge-kinds';

describe('the pledge form’s values (lib/ledger/pledge-form)', () => {
  it('a 预留份额 pledge is the canteen total × the share, and reads back as the same values', () => {
    const values = {
      ...pledgeFormValues(undefined, '2026-05-01'),
      title: ' 食堂 ',
      kind: '预留份额' as const,
      ...pledgeKindDefaults('预留份额', DEFAULT_PLEDGE_RULES),
      base: 123_456.78,
    };
    const made = pledgeOfForm(values, { id: 'p1' });
    if ('error' in made) throw new Error(made.error);
    expect(PledgeSchema.parse(made.pledge)).toMatchObject({
      title: '食堂',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      baseFen: 12_345_678,
      ratio: DEFAULT_PLEDGE_RULES.reserveShare,
      targetFen: Math.round(12_345_678 * DEFAULT_PLEDGE_RULES.reserveShare),
    });
    expect(pledgeFormValues(made.pledge, '2026-05-01')).toMatchObject({ mode: 'share', base: 123_456.78 });
  });

  it('a target that rounds to 0 fen names the field to fix', () => {
    const v = {
      ...pledgeFormValues(undefined, '2026-05-01'),
      title: 'x',
      mode: 'share' as const,
      base: 0.01,
      ratio: 1,
    };
    expect(pledgeOfForm(v, { id: 'p' })).toEqual({ error: 'base' });
    expect(pledgeOfForm({ ...v, mode: 'direct', target: 0 }, { id: 'p' })).toEqual({ error: 'target' });
  });
});

describe('the fields the pledge form asks for each kind (PLEDGE_KIND_FIELDS)', () => {
  it.each(PLEDGE_KINDS)('%s: the form asks for exactly the cap and funding source the pledge keeps', (kind) => {
    const values = {
      ...pledgeFormValues(undefined, '2026-05-01'),
      title: 'x',
      kind,
      mode: 'direct' as const,
      target: 1000,
      cap: 500,
      fundingSource: '工会' as const,
    };
    const made = pledgeOfForm(values, { id: 'p1' });
    if ('error' in made) throw new Error(made.error);
    expect({ cap: made.pledge.capFen !== undefined, fundingSource: made.pledge.fundingSource !== undefined }).toEqual(
      PLEDGE_KIND_FIELDS[kind],
    );
  });
});
