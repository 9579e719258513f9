import { describe, expect, it } from 'vitest';
import { purchaseFormHash, readPrefill } from '../../lib/prefill';

describe('purchase prefill in the dashboard URL', () => {
  it('round-trips a listing and its result', () => {
    const listing = { site: 'jd' as const, itemId: '1', title: '城口老腊肉 #1 & 50%', priceFen: 8800 };
    const result = { tier: 'certified' as const, score: 1, reasons: [{ code: 'revoked' as const }], batch: '第七批' };
    expect(readPrefill(purchaseFormHash(listing, result))).toEqual({ listing, result });
  });
  it('ignores a missing or tampered prefill', () => {
    expect(readPrefill('#/purchases')).toBeUndefined();
    expect(readPrefill('#/purchases?prefill=%7Bbad')).toBeUndefined();
    expect(readPrefill(`#/purchases?prefill=${encodeURIComponent('{"listing":{"site":"x"}}')}`)).toBeUndefined();
  });
});
