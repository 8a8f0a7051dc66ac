// Writes build/icon.png (512×512 RGBA) from build/icon-shapes.mjs with nothing but node:zlib,
// so packaging needs no image tool. electron-builder converts this PNG to ICO/ICNS itself.
// Run: node build/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { BACKGROUND, JARS, JAR_COLOR, SHELF_COLOR, SHELVES, SIZE } from './icon-shapes.mjs';

const SAMPLES = 4; // 4×4 supersampling per pixel: smooth rounded corners

function inRoundedRect(px, py, { x, y, w, h, r }) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

// Painter's order matches the SVG: background, jars, shelves.
const layers = [
  { shapes: [BACKGROUND], color: BACKGROUND.color },
  { shapes: JARS, color: JAR_COLOR },
  { shapes: SHELVES, color: SHELF_COLOR },
];

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter type: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        let color = null;
        for (const layer of layers) if (layer.shapes.some((s) => inRoundedRect(px, py, s))) color = layer.color;
        if (color) {
          r += color[0];
          g += color[1];
          b += color[2];
          a += 255;
        }
      }
    }
    const n = SAMPLES * SAMPLES;
    const covered = a / 255;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    // Colour averaged over covered samples only (straight alpha), coverage as alpha.
    raw[o] = covered ? Math.round(r / covered) : 0;
    raw[o + 1] = covered ? Math.round(g / covered) : 0;
    raw[o + 2] = covered ? Math.round(b / covered) : 0;
    raw[o + 3] = Math.round(a / n);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
