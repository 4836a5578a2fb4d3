// Draws the extension's icon, media/icon.png (128×128): two linked rings, the integration the
// linter watches, on a rounded square. Written as a PNG by hand (zlib and a CRC), so no image
// library or download is needed. Run: node scripts/draw-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const SIZE = 128;
const SAMPLES = 4; // per axis, for smooth edges
const BACKGROUND = [0x1f, 0x3b, 0x57];
const LEFT_RING = [0xff, 0xff, 0xff];
const RIGHT_RING = [0xf5, 0xa6, 0x23];

const inRoundedSquare = (x, y, radius = 26, margin = 4) => {
  const nearestX = Math.min(Math.max(x, margin + radius), SIZE - margin - radius);
  const nearestY = Math.min(Math.max(y, margin + radius), SIZE - margin - radius);
  return Math.hypot(x - nearestX, y - nearestY) <= radius;
};
const onRing = (x, y, centreX) => Math.abs(Math.hypot(x - centreX, y - 64) - 24) <= 5.5;

/** The colour at a point, or undefined outside the icon. Where the rings cross, the right one is on top above the middle: they interlock. */
function colourAt(x, y) {
  const left = onRing(x, y, 50);
  const right = onRing(x, y, 78);
  if (left && right) return y < 64 ? RIGHT_RING : LEFT_RING;
  if (left) return LEFT_RING;
  if (right) return RIGHT_RING;
  return inRoundedSquare(x, y) ? BACKGROUND : undefined;
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1)); // each row: filter byte 0, then RGBA
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0];
    let covered = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        covered++;
        for (let c = 0; c < 3; c++) sum[c] += colour[c];
      }
    }
    const at = y * (SIZE * 4 + 1) + 1 + x * 4;
    for (let c = 0; c < 3; c++) rows[at + c] = covered ? Math.round(sum[c] / covered) : 0;
    rows[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
writeFileSync('media/icon.png', Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
