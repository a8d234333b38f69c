/** Reads a PNG for tests: its size from the header, and how much of it differs from the background. */
import { PNG } from 'pngjs';

export function pngSize(bytes: Buffer): { width: number; height: number } {
  // Signature (8 bytes), IHDR length and type (8), then width and height as 32-bit big-endian.
  expect8(bytes);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function expect8(bytes: Buffer) {
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
}

/** Share of pixels (0…1) that differ clearly from the background (the bottom-right pixel's colour). */
export function inkShare(bytes: Buffer): number {
  const png = PNG.sync.read(bytes);
  const { data } = png;
  const last = data.length - 4;
  const [r0, g0, b0] = [data[last]!, data[last + 1]!, data[last + 2]!];
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) > 96) ink++;
  }
  return ink / (data.length / 4);
}
