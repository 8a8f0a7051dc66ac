// The Larder icon as plain shapes, shared by build/icon.svg (written by hand to match) and the
// PNG rasteriser, so both stay one design: a green tile with a pantry shelf of amber jars.
export const SIZE = 512;
export const BACKGROUND = { x: 32, y: 32, w: 448, h: 448, r: 96, color: [0x2e, 0x7d, 0x4f] };
export const SHELF_COLOR = [0xfa, 0xf7, 0xf0];
export const JAR_COLOR = [0xf2, 0xc1, 0x4e];
export const SHELVES = [
  { x: 112, y: 212, w: 288, h: 16, r: 8 },
  { x: 112, y: 340, w: 288, h: 16, r: 8 },
];
export const JARS = [
  { x: 128, y: 148, w: 56, h: 64, r: 10 },
  { x: 200, y: 124, w: 64, h: 88, r: 10 },
  { x: 280, y: 164, w: 104, h: 48, r: 10 },
  { x: 128, y: 268, w: 96, h: 72, r: 10 },
  { x: 240, y: 292, w: 56, h: 48, r: 10 },
  { x: 312, y: 252, w: 72, h: 88, r: 10 },
];
