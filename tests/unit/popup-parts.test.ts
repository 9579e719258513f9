import { describe, expect, it } from 'vitest';
import { formSourceKey, formSourceProps } from '../../lib/ledger/form-source';
import type { Prefill } from '../../lib/prefill';
import { pageTabOf } from '../../lib/tabs';
import { purchase } from './helpers';

const EXT = 'chrome-extension://abcdefgh/';

describe('the tab the popup speaks of (lib/tabs)', () => {
  it('is the active tab when it is a web page', () => {
    const tabs = [
      { id: 1, url: 'https://item.jd.com/1.html', active: false, lastAccessed: 9 },
      { id: 2, url: 'https://search.jd.com/Search?keyword=茶', active: true, lastAccessed: 5 },
    ];
    expect(pageTabOf(tabs, EXT)?.id).toBe(2);
  });
  it('opened as the extension’s own tab: the web tab seen last, never another extension page', () => {
    const tabs = [
      { id: 1, url: 'https://item.jd.com/1.html', lastAccessed: 3 },
      { id: 2, url: `${EXT}popup.html`, active: true, lastAccessed: 10 },
      { id: 3, url: 'https://item.taobao.com/item.htm?id=2', lastAccessed: 7 },
      { id: 4, url: `${EXT}dashboard.html`, lastAccessed: 9 },
    ];
    expect(pageTabOf(tabs, EXT)?.id).toBe(3);
  });
  it('none: no active tab with an address, or no web tab behind the extension’s page', () => {
    expect(pageTabOf([{ id: 1, active: true }], EXT)).toBeUndefined();
    expect(pageTabOf([{ id: 1, url: `${EXT}popup.html`, active: true }], EXT)).toBeUndefined();
  });
});

describe('what the purchase form starts from (lib/ledger/form-source)', () => {
  const prefill: Prefill = {
    listing: { site: 'jd', url: 'https://item.jd.com/1.html', title: '祁东黄花菜' },
    result: { score: 1, reasons: [], tier: 'certified' },
  };
  const stored = purchase({ id: 'p1', purchasedOn: '2026-03-05', amountFen: 7000 });
  it('a new source is a new form; each kind its own key', () => {
    const keys = [
      formSourceKey(undefined),
      formSourceKey({ kind: 'prefill', prefill, key: 'page' }),
      formSourceKey({ kind: 'prefill', prefill, key: 'paste:1' }),
      formSourceKey({ kind: 'edit', purchase: stored }),
    ];
    expect(new Set(keys).size).toBe(4);
    expect(formSourceKey({ kind: 'edit', purchase: stored })).toBe(keys[3]);
  });
  it('gives the form the one prop of its kind', () => {
    expect(formSourceProps({ kind: 'prefill', prefill, key: 'page' })).toEqual({ prefill });
    expect(formSourceProps({ kind: 'edit', purchase: stored })).toEqual({ editing: stored });
    expect(formSourceProps(undefined)).toEqual({});
  });
});
