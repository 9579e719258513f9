/**
 * What the table readers take, in one place: file sizes (checked on the page
 * before a file is sent on), how far a workbook may inflate (checked before
 * SheetJS sees it), and the cells, columns and rows of a table.
 */
export const MAX_TEXT_BYTES = 40 * 1024 * 1024;
export const MAX_XLSX_BYTES = 25 * 1024 * 1024;
/**
 * A backup file: ours is about 810 bytes a catalogue entry, so 400,000 entries
 * make about 330 MB. Past 500 MB it is not ours, and its text would not fit
 * in one JavaScript string anyway.
 */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;

/** A CSV is read in parts of at least this size: smaller ones are not worth a worker (starting and merging cost more). */
export const MIN_PART_BYTES = 4 * 1024 * 1024;

/**
 * A workbook's parts, inflated: all of them, and any one (a sheet, the shared
 * strings). A national list of 300,000 rows inflates to about 120 MB; a file
 * past these is a zip bomb, and SheetJS would take the tab down reading it.
 */
export const MAX_INFLATED_BYTES = 320 * 1024 * 1024;
export const MAX_INFLATED_ENTRY_BYTES = 160 * 1024 * 1024;

/** Excel's own limits: a cell holds at most 32,767 characters, a sheet 1,048,576 rows. */
export const MAX_CELL_CHARS = 32_767;
export const MAX_ROWS = 1_048_576;
/** Our tables have a few dozen columns; a row of thousands of cells is not one of them. */
export const MAX_COLUMNS = 512;

/** A file that breaks a limit: which, by how much, and where (row and column, when it is a cell). */
export interface LimitBreach {
  limit: 'inflated' | 'inflatedEntry';
  /** The limit, in MB. */
  mb: number;
  /** The zip entry that broke it (xl/sharedStrings.xml). */
  entry?: string;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the central directory declares it: a bomb may lie. */
  size: number;
  localHeader: number;
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * The entries a zip's central directory lists, or undefined when the bytes
 * have no readable directory (not a zip, or cut short: SheetJS says so).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return undefined;
    const nameLength = u16(bytes, at + 28);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeader: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

const MB = 1024 * 1024;
export interface ZipLimits {
  total: number;
  entry: number;
}
const ZIP_LIMITS: ZipLimits = { total: MAX_INFLATED_BYTES, entry: MAX_INFLATED_ENTRY_BYTES };
const breach = (limit: LimitBreach['limit'], limits: ZipLimits, entry?: string): LimitBreach => ({
  limit,
  mb: Math.round((limit === 'inflated' ? limits.total : limits.entry) / MB),
  ...(entry ? { entry } : {}),
});

/**
 * What a zip's central directory declares, against the limits: cheap (the
 * directory only), so every reader checks it synchronously, and the page
 * before it sends a file to a worker. A zip64 size (0xFFFFFFFF) is over any limit.
 */
export function declaredZipBreach(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): LimitBreach | undefined {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  let total = 0;
  for (const entry of entries) {
    if (entry.size > limits.entry) return breach('inflatedEntry', limits, entry.name);
    total += entry.size;
    if (total > limits.total) return breach('inflated', limits);
  }
  return undefined;
}

/** The compressed data of an entry, as its local header places it. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const at = entry.localHeader;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) return undefined;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  return bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
}

/** Inflates one entry, counting and dropping what comes out; stops as soon as `room` is passed. */
async function inflatedSize(data: Uint8Array, room: number): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return size;
      size += value.byteLength;
      if (size > room) return size;
    }
  } catch {
    return size; // corrupt data: SheetJS will say the file is damaged
  } finally {
    void reader.cancel().catch(() => {});
  }
}

/**
 * Whether a zip really inflates past the limits: the declared sizes first,
 * then every deflated entry inflated as a stream and counted (a bomb's
 * directory may declare anything). Memory stays at one chunk. Undefined when
 * the file is not a zip or is within the limits.
 */
export async function zipBreach(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<LimitBreach | undefined> {
  const declared = declaredZipBreach(bytes, limits);
  if (declared) return declared;
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  let total = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (!data) continue;
    const size =
      entry.method === 8 ? await inflatedSize(data, Math.min(limits.entry, limits.total - total)) : data.length;
    if (size > limits.entry) return breach('inflatedEntry', limits, entry.name);
    total += size;
    if (total > limits.total) return breach('inflated', limits);
  }
  return undefined;
}
