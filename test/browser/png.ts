/** @module A tiny PNG encoder, so the lead image the browser tests load is a real image made on the spot. */
import { crc32, deflateSync } from "node:zlib";

/** A solid-colour PNG with a darker band, so screenshots show where the lead image sits. */
export function pngImage(
  width: number,
  height: number,
  hue: [number, number, number] = [140, 180, 200],
): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const band = y > height * 0.6 && y < height * 0.75;
    const [r, g, b] = band ? hue.map((c) => Math.round(c * 0.45)) : hue;
    for (let x = 0; x < width; x++) rows.set([r ?? 0, g ?? 0, b ?? 0], y * (width * 3 + 1) + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
