/**
 * Text files come as UTF-8 (with or without BOM), UTF-16 (with or without BOM), or GBK /
 * GB18030 as Excel saves CSV on Chinese Windows. UTF-8 is tried strictly
 * first: GBK text is almost never valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16Of(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  return decodeUtf8OrGb18030(bytes);
}

/**
 * UTF-16 by its BOM, or without one by its zero bytes: a table's delimiters
 * and line breaks are ASCII, whose other byte is 0 — on odd positions in
 * little-endian, on even ones in big-endian. UTF-8 and GB18030 text has no zero byte.
 */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.1 && even === 0) return 'utf-16le';
  if (even >= pairs * 0.1 && odd === 0) return 'utf-16be';
  return undefined;
}

/**
 * Bytes with no BOM: strict UTF-8, else GB18030. `stream` reads a prefix of a
 * file, whose last character may be cut.
 */
export function decodeUtf8OrGb18030(
  bytes: Uint8Array,
  options?: { stream: boolean },
): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, options), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes, options), encoding: 'gb18030' };
  }
}
