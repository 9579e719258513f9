/**
 * Text files come as UTF-8 (with or without BOM), UTF-16 with BOM, or GBK /
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
  return decodeUtf8OrGb18030(bytes);
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
