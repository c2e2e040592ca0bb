/**
 * @module Identicons: a 5x5 mirrored grid drawn from a keyed hash of the commenter's email. The
 * picture is all that is published; the hash itself never appears, and without the site secret it
 * could not be matched to an address anyway (unlike the MD5 avatars other systems print).
 */

/** The keyed avatar hash (hex), e.g. keyedHash(secret, "avatar", email). */
export type AvatarHash = string;

const SIZE = 5;
const CELL = 8;

/** A hue from the hash and fixed saturation/lightness: always readable on the site's light panel. */
function colour(hash: AvatarHash): string {
  const hue = Number.parseInt(hash.slice(0, 3), 16) % 360;
  return `hsl(${hue} 55% 42%)`;
}

/** Which cells are filled: 15 bits for the left three columns, mirrored onto the right two. */
export function identiconCells(hash: AvatarHash): boolean[][] {
  const bits = Number.parseInt(hash.slice(3, 7), 16);
  const rows: boolean[][] = [];
  for (let y = 0; y < SIZE; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < SIZE; x++) {
      const col = x < 3 ? x : SIZE - 1 - x;
      row.push(((bits >> (y * 3 + col)) & 1) === 1);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Inline SVG markup for the avatar: decorative (aria-hidden), since the commenter's name sits
 * beside it. Only numbers derived from the hash are written, so the output is safe as raw HTML.
 */
export function identiconSvg(hash: AvatarHash): string {
  if (!/^[0-9a-f]{7,}$/.test(hash)) throw new Error("identiconSvg needs a hex hash");
  const fill = colour(hash);
  const rects: string[] = [];
  identiconCells(hash).forEach((row, y) => {
    row.forEach((on, x) => {
      if (on) rects.push(`<rect x="${x * CELL + 4}" y="${y * CELL + 4}" width="${CELL}" height="${CELL}"/>`);
    });
  });
  const side = SIZE * CELL + 8;
  return `<svg class="identicon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="40" height="40" aria-hidden="true" focusable="false"><rect width="${side}" height="${side}" fill="#eef0f3"/><g fill="${fill}">${rects.join("")}</g></svg>`;
}
