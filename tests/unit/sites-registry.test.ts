import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../lib/sites';
import type { PageKind } from '../../lib/sites/types';

describe('site registry', () => {
  const examples = ADAPTERS.flatMap((adapter) =>
    Object.entries(adapter.examples).flatMap(([kind, urls]) =>
      (urls ?? []).map((url) => ({ owner: adapter.id, kind: kind as PageKind, url })),
    ),
  );

  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('$url belongs to $owner ($kind) and no other adapter', ({ owner, kind, url }) => {
    const u = new URL(url);
    const claims = ADAPTERS.filter((a) => a.hosts.some((h) => h.test(u.hostname)) && a.pageKind(u) !== undefined);
    expect(claims.map((a) => a.id)).toEqual([owner]);
    expect(adapterFor(u)).toMatchObject({ adapter: { id: owner }, kind });
  });

  it('ignores pages we do not support', () => {
    expect(adapterFor(new URL('https://www.jd.com/'))).toBeUndefined();
    expect(adapterFor(new URL('https://example.com/Search?keyword=x'))).toBeUndefined();
  });
});
