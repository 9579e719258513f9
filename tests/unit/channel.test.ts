import { describe, expect, it } from 'vitest';
import { channelFor, channelOfLabel } from '../../lib/ledger/channel';
import { draftFromPrefill, emptyDraft, withDraftField } from '../../lib/ledger/purchase-draft';

describe('channel of a purchase', () => {
  it.each([
    [{ platform: 'fupin832' }, '832平台'],
    [{ platform: 'fupin832', shop: '紫阳县汉江茶业有限公司' }, '832平台'],
    [{ platform: 'taobao', shop: '中国特产·平利扶贫馆' }, '专馆'],
    [{ platform: 'jd', shop: '京东中国特产·秭归特产馆' }, '专馆'],
    [{ platform: 'jd', shop: '京东消费帮扶专区' }, '专区'],
    [{ platform: '', shop: '机关食堂消费帮扶专柜' }, '消费帮扶专柜'],
    [{ platform: 'jd', shop: '巴山老腊肉旗舰店' }, '电商平台'],
    [{ platform: 'pinduoduo' }, '电商平台'],
    [{ platform: 'offline', shop: '王大姐' }, '线下'],
    [{}, '线下'],
  ] as const)('%o → %s', (purchase, channel) => {
    expect(channelFor(purchase)).toBe(channel);
  });

  it('reads a 渠道 cell, ours or hand-filled', () => {
    expect(channelOfLabel('832 平台')).toBe('832平台');
    expect(channelOfLabel('832')).toBe('832平台');
    expect(channelOfLabel('京东')).toBe('电商平台');
    expect(channelOfLabel('线下直购')).toBe('线下');
    expect(channelOfLabel('单位专柜')).toBe('消费帮扶专柜');
    expect(channelOfLabel('')).toBeUndefined();
    expect(channelOfLabel('朋友送的')).toBeUndefined();
  });

  it('follows platform and shop in the form until the user picks one', () => {
    const listing = { site: 'fupin832' as const, title: '紫阳富硒茶', shopName: '紫阳县汉江茶业有限公司' };
    const draft = draftFromPrefill({ listing, result: { score: 0, reasons: [] } }, '2026-11-20');
    expect(draft.channel).toBe('832平台');
    let typed = withDraftField(emptyDraft('2026-11-20'), 'platform', 'taobao');
    expect(typed.channel).toBe('电商平台');
    typed = withDraftField(typed, 'shop', '平利扶贫馆');
    expect(typed.channel).toBe('专馆');
    typed = withDraftField(typed, 'channel', '线下');
    typed = withDraftField(typed, 'shop', '别的店');
    expect(typed.channel).toBe('线下');
  });
});
