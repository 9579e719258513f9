import type { MatchIndex } from './build-index';

const MAGIC = 0x324d4952; // "RIM2": strings as UTF-16 (RIM1 had UTF-8, read as unreadable and rebuilt)
// What every query reads is decoded on load; what only a hit's answer shows
// (names, suppliers) is decoded on first use: most of the bytes, seldom needed.
const HOT_FIELDS = [
  'coresText',
  'shopKeys',
  'itemKeys',
  'unsoldId',
  'unsoldCore',
  'unsoldProduct',
  'unsoldCounty',
] as const;
const COLD_FIELDS = ['entryId', 'name', 'certificate', 'supplier', 'county', 'batch'] as const;
const STRING_FIELDS = [...HOT_FIELDS, ...COLD_FIELDS] as const;
const U32_FIELDS = [
  'coresOffsets',
  'shopOffsets',
  'shopPostings',
  'itemOffsets',
  'itemPostings',
  'countyCode',
  'validUntil',
] as const;
const SEPARATOR = '\u0000';

type StringField = (typeof STRING_FIELDS)[number];
/** A string field as a column of strings: coresText is one string, the others are columns already. */
const columnOf = (index: MatchIndex, f: StringField): string[] => (f === 'coresText' ? [index.coresText] : index[f]);

/**
 * Text as UTF-16LE bytes: decoding them is a copy (3 ms for the hot columns of
 * a national index, where UTF-8 took 21 ms). Every platform a browser runs on
 * is little-endian, so the code units are written as they are in memory.
 */
function utf16Bytes(text: string): Uint8Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return new Uint8Array(units.buffer);
}
const UTF16 = 'utf-16le';

/**
 * One blob: a small JSON header, every string column joined into one UTF-16
 * section (split once on load), then the typed arrays as they are in memory.
 */
export function serializeIndex(index: MatchIndex): Uint8Array<ArrayBuffer> {
  const counts = STRING_FIELDS.map((f) => columnOf(index, f).length);
  const hot = utf16Bytes(HOT_FIELDS.flatMap((f) => columnOf(index, f)).join(SEPARATOR));
  const cold = utf16Bytes(COLD_FIELDS.flatMap((f) => columnOf(index, f)).join(SEPARATOR));
  const strings = new Uint8Array(hot.length + cold.length);
  strings.set(hot);
  strings.set(cold, hot.length);
  const header = new TextEncoder().encode(
    JSON.stringify({
      version: index.version,
      counts,
      stringBytes: strings.length,
      hotBytes: hot.length,
      u32: U32_FIELDS.map((f) => index[f].length),
      status: index.status.length,
    }),
  );
  const pad = (n: number) => (4 - (n % 4)) % 4;
  const stringsEnd = 8 + header.length + strings.length;
  const u32Start = stringsEnd + pad(stringsEnd);
  const u32Bytes = U32_FIELDS.reduce((n, f) => n + index[f].length * 4, 0);
  const out = new Uint8Array(u32Start + u32Bytes + index.status.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  out.set(header, 8);
  out.set(strings, 8 + header.length);
  let at = u32Start;
  for (const f of U32_FIELDS) {
    out.set(new Uint8Array(index[f].buffer, index[f].byteOffset, index[f].byteLength), at);
    at += index[f].byteLength;
  }
  out.set(index.status, at);
  return out;
}

export function deserializeIndex(blob: Uint8Array): MatchIndex {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a match index');
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(blob.subarray(8, 8 + headerLength))) as {
    version: string;
    counts: number[];
    stringBytes: number;
    hotBytes: number;
    u32: number[];
    status: number;
  };
  const stringsStart = 8 + headerLength;
  const index = { version: header.version } as MatchIndex;
  const decodeFields = (fields: readonly StringField[], bytes: Uint8Array, first: number) => {
    const all = new TextDecoder(UTF16).decode(bytes).split(SEPARATOR);
    const out: Record<string, string[]> = {};
    let s = 0;
    fields.forEach((f, i) => {
      const n = header.counts[first + i] ?? 0;
      out[f] = n === 0 ? [] : all.slice(s, s + n);
      s += n;
    });
    return out;
  };
  const hot = decodeFields(HOT_FIELDS, blob.subarray(stringsStart, stringsStart + header.hotBytes), 0);
  const { coresText, ...hotColumns } = hot;
  index.coresText = coresText?.[0] ?? '';
  Object.assign(index, hotColumns);
  const coldBytes = blob.slice(stringsStart + header.hotBytes, stringsStart + header.stringBytes);
  let cold: Record<string, string[]> | undefined;
  for (const f of COLD_FIELDS) {
    Object.defineProperty(index, f, {
      enumerable: true,
      configurable: true,
      get() {
        cold ??= decodeFields(COLD_FIELDS, coldBytes, HOT_FIELDS.length);
        return cold[f];
      },
    });
  }
  const stringsEnd = stringsStart + header.stringBytes;
  let at = stringsEnd + ((4 - (stringsEnd % 4)) % 4);
  // Copy into an aligned buffer of our own: the blob's buffer may be shared or offset.
  U32_FIELDS.forEach((f, i) => {
    const n = header.u32[i] ?? 0;
    const arr = new Uint32Array(n);
    new Uint8Array(arr.buffer).set(blob.subarray(at, at + n * 4));
    index[f] = arr;
    at += n * 4;
  });
  index.status = blob.slice(at, at + header.status);
  return index;
}
