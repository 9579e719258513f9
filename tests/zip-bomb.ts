/**
 * Zip bombs made in the test (never committed): an .xlsx-shaped zip whose
 * shared strings inflate to `inflatedMb` MB of one repeated byte. `lie` makes
 * the central directory declare a small size, as a hostile file would.
 */
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';

async function deflateRepeated(mb: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const block = Buffer.alloc(1024 * 1024, 0x41);
  for (let i = 0; i < mb; i++) if (!deflate.write(block)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

interface Part {
  name: string;
  data: Buffer;
  size: number;
  method: number;
}

/** A zip of parts (CRC left 0: the limits are checked before anything would verify it). */
export function zipOf(parts: Part[], declare?: (part: Part) => number): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const size = declare ? declare(part) : part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, part.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(part.method, 10);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const stored = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, data, size: data.length, method: 0 };
};

/** An .xlsx-shaped bomb: small workbook parts and a shared-strings part of `inflatedMb` MB. */
export async function xlsxBomb(inflatedMb: number, options: { lie?: boolean } = {}): Promise<Uint8Array> {
  const bomb: Part = {
    name: 'xl/sharedStrings.xml',
    data: await deflateRepeated(inflatedMb),
    size: inflatedMb * 1024 * 1024,
    method: 8,
  };
  return zipOf(
    [
      stored('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
      stored('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
      bomb,
    ],
    options.lie ? (part) => (part === bomb ? 1000 : part.size) : undefined,
  );
}
