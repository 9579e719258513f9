import { describe, expect, it } from 'vitest';
import { splitCatalogueFile } from '../../lib/catalogue/parts';
import { catalogueReadParts, MAX_READ_PARTS } from '../../lib/catalogue/read-parts';
import { MIN_PART_BYTES } from '../../lib/tables/limits';

const MB = 1024 * 1024;

describe('how many parts read a catalogue file', () => {
  it('reads in one part on two cores or fewer, whatever the size (two parts measured slower there)', () => {
    for (const cores of [1, 2]) {
      expect(catalogueReadParts(cores, 34 * MB)).toBe(1);
      expect(catalogueReadParts(cores, 400 * MB)).toBe(1);
    }
    // A browser that says nothing is taken for two cores.
    expect(catalogueReadParts(undefined, 34 * MB)).toBe(1);
    expect(catalogueReadParts(0, 34 * MB)).toBe(1);
  });

  it('leaves one core for the page, IndexedDB and the service worker, up to the most parts', () => {
    expect(catalogueReadParts(3, 34 * MB)).toBe(2);
    expect(catalogueReadParts(4, 34 * MB)).toBe(3);
    expect(catalogueReadParts(16, 34 * MB)).toBe(MAX_READ_PARTS);
    expect(catalogueReadParts(4.5, 34 * MB)).toBe(3);
  });

  it('gives each part at least MIN_PART_BYTES: a small file is read whole', () => {
    expect(catalogueReadParts(16, 2 * MIN_PART_BYTES - 1)).toBe(1);
    expect(catalogueReadParts(16, 2 * MIN_PART_BYTES)).toBe(2);
    expect(catalogueReadParts(16, 3 * MIN_PART_BYTES + 5)).toBe(3);
    expect(catalogueReadParts(16, 0)).toBe(1);
  });

  it('never asks for more parts than the file is cut into', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `黄花菜${i},祁东县公司${i},SL-${i}`);
    const bytes = new TextEncoder().encode(`产品名称,供应商,证书编号\n${rows.join('\n')}\n`);
    const minPartBytes = 1000;
    for (const cores of [1, 2, 3, 4, 8]) {
      for (const size of [1500, 2500, 3999, bytes.length]) {
        const file = { name: 'c.csv', bytes: bytes.subarray(0, size) };
        const parts = catalogueReadParts(cores, size, minPartBytes);
        const split = splitCatalogueFile(file, parts, minPartBytes);
        expect(split?.parts.length ?? 1, `${cores} cores, ${size} bytes`).toBe(parts);
      }
    }
  });
});
