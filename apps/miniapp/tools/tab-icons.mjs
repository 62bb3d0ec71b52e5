// Draws the tabBar icons (81×81 PNG, the size WeChat asks for) with no image library:
// shapes are tested per pixel with 4×4 supersampling and written as RGBA PNG with zlib.
// Run: node apps/miniapp/tools/tab-icons.mjs  (writes apps/miniapp/src/assets/tab/*.png)
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/assets/tab');
const COLORS = { normal: [0x3d, 0x3d, 0x3d], active: [0x0b, 0x5c, 0xad] };

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const SHAPES = {
  // A briefcase: body, a handle ring on top, a clasp band cut out of the body.
  jobs: (x, y) => {
    const body = inRoundRect(x, y, 10, 27, 71, 68, 7) && !(y > 43 && y < 47 && (x < 35 || x > 46));
    const handle = inRoundRect(x, y, 28, 14, 53, 30, 5) && !inRoundRect(x, y, 33, 19, 48, 30, 2);
    return body || handle;
  },
  // A person: a round head and rounded shoulders.
  me: (x, y) => {
    const head = (x - 40.5) ** 2 + (y - 25) ** 2 <= 14 ** 2;
    const body = y <= 70 && ((x - 40.5) / 29) ** 2 + ((y - 73) / 28) ** 2 <= 1;
    return head || body;
  },
  // A speech bubble with a tail at the lower left and three dots cut out.
  messages: (x, y) => {
    const bubble = inRoundRect(x, y, 8, 16, 73, 58, 12);
    const tail = y >= 56 && y <= 70 && x >= 18 && x <= 32 && x - 18 <= (70 - y) * 1.0;
    const dot = [24, 40.5, 57].some((cx) => (x - cx) ** 2 + (y - 37) ** 2 <= 5 ** 2);
    return (bubble || tail) && !dot;
  },
};

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(shape, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
      row.set([r, g, b, Math.round((hits / 16) * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = join(OUT, `${name}${state === 'active' ? '-active' : ''}.png`);
    writeFileSync(file, png(shape, color));
    console.log(file);
  }
}
