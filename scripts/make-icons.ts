/**
 * Draws the extension icon (a green rounded square with a white ear of grain
 * and a heart-shaped leaf) at every size the manifest uses, as PNG, without any
 * image library: a tiny rasteriser plus zlib. Run by `npm run icons`; the
 * PNGs are committed under public/icon/ so builds need nothing extra.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage of a shape at (x, y) in a unit square, by 4×4 supersampling. */
function draw(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const inRoundedSquare = (x: number, y: number) => {
    const r = 0.22;
    const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
    const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
    return dx * dx + dy * dy <= r * r;
  };
  // A heart: two circles and a triangle, centred a little high.
  const inHeart = (x: number, y: number) => {
    const cx = 0.5;
    const top = 0.36;
    const r = 0.15;
    if ((x - (cx - 0.13)) ** 2 + (y - top) ** 2 <= r * r) return true;
    if ((x - (cx + 0.13)) ** 2 + (y - top) ** 2 <= r * r) return true;
    const yy = y - top;
    return yy >= 0 && yy <= 0.42 && Math.abs(x - cx) <= 0.28 * (1 - yy / 0.42);
  };
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (inRoundedSquare(x, y)) {
            bg++;
            if (inHeart(x, y)) fg++;
          }
        }
      }
      const n = samples * samples;
      const a = bg / n;
      const w = fg / Math.max(bg, 1);
      const i = (py * size + px) * 4;
      // #1f8a4c green, white heart
      out[i] = Math.round(0x1f + (255 - 0x1f) * w);
      out[i + 1] = Math.round(0x8a + (255 - 0x8a) * w);
      out[i + 2] = Math.round(0x4c + (255 - 0x4c) * w);
      out[i + 3] = Math.round(255 * a);
    }
  }
  return out;
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  writeFileSync(`public/icon/${size}.png`, encodePng(size, draw(size)));
}
console.log(`icons written: ${SIZES.join(', ')}`);
