/** @module Generated SVG "photos": deterministic gradient scenes with a label, one per demo image. */
import type { DemoImage } from "../content/index.ts";
import { escapeXml } from "./escape.ts";
import { fnv1a, pick } from "./hash.ts";

type Scene = (w: number, h: number, seed: string) => string;

const hills: Scene = (w, h, seed) => {
  const y1 = h * (pick(seed, "h1", 45, 65) / 100);
  const y2 = h * (pick(seed, "h2", 55, 75) / 100);
  return [
    `<path d="M0 ${y1} Q ${w * 0.3} ${y1 - h * 0.2} ${w * 0.6} ${y1} T ${w} ${y1 - h * 0.05} V ${h} H 0 Z" fill="#000" fill-opacity="0.25"/>`,
    `<path d="M0 ${y2} Q ${w * 0.4} ${y2 - h * 0.12} ${w * 0.75} ${y2 + h * 0.03} T ${w} ${y2} V ${h} H 0 Z" fill="#000" fill-opacity="0.35"/>`,
  ].join("");
};

const waves: Scene = (w, h, seed) => {
  const rows: string[] = [];
  const count = pick(seed, "waves", 3, 6);
  for (let i = 0; i < count; i++) {
    const y = h * 0.5 + (i * h * 0.4) / count;
    const a = h * 0.03;
    rows.push(
      `<path d="M0 ${y} C ${w * 0.25} ${y - a} ${w * 0.25} ${y + a} ${w * 0.5} ${y} S ${w * 0.75} ${y - a} ${w} ${y}" stroke="#fff" stroke-opacity="${0.2 + i * 0.1}" stroke-width="${h * 0.01}" fill="none"/>`,
    );
  }
  return rows.join("");
};

const skyline: Scene = (w, h, seed) => {
  const blocks: string[] = [];
  let x = 0;
  let i = 0;
  while (x < w) {
    const bw = w * (pick(seed, `bw${i}`, 5, 12) / 100);
    const bh = h * (pick(seed, `bh${i}`, 20, 55) / 100);
    blocks.push(
      `<rect x="${x.toFixed(1)}" y="${(h - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}"/>`,
    );
    x += bw + w * 0.01;
    i++;
  }
  return `<g fill="#000" fill-opacity="0.3">${blocks.join("")}</g>`;
};

const orbits: Scene = (w, h, seed) => {
  const cx = w * (pick(seed, "cx", 30, 70) / 100);
  const cy = h * (pick(seed, "cy", 30, 60) / 100);
  const rings = [0.12, 0.22, 0.34].map(
    (r) =>
      `<ellipse cx="${cx}" cy="${cy}" rx="${w * r}" ry="${h * r * 0.6}" fill="none" stroke="#fff" stroke-opacity="0.35" stroke-width="${h * 0.006}"/>`,
  );
  return `${rings.join("")}<circle cx="${cx}" cy="${cy}" r="${h * 0.05}" fill="#fff" fill-opacity="0.8"/>`;
};

const scenes: Scene[] = [hills, waves, skyline, orbits];

function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + word).length + 1 > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

/** Renders the SVG for an image; the same image always yields byte-identical output. */
export function renderSvg(image: DemoImage, siteName: string): string {
  const { width: w, height: h, name } = image;
  const hue = fnv1a(name) % 360;
  const hue2 = (hue + pick(name, "hue2", 30, 90)) % 360;
  const scene = scenes[fnv1a(`scene:${name}`) % scenes.length] ?? hills;
  const fontSize = Math.round(h / 22);
  const lines = wrap(image.alt, Math.floor((w * 0.9) / (fontSize * 0.55)), 2);
  const bandHeight = fontSize * (lines.length + 1);
  const text = lines
    .map(
      (line, i) => `<tspan x="${w * 0.04}" dy="${i === 0 ? 0 : fontSize * 1.2}">${escapeXml(line)}</tspan>`,
    )
    .join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeXml(image.alt)}">`,
    `<title>${escapeXml(image.alt)}</title>`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="hsl(${hue}, 55%, 58%)"/><stop offset="1" stop-color="hsl(${hue2}, 45%, 28%)"/>`,
    `</linearGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#bg)"/>`,
    scene(w, h, name),
    `<rect y="${h - bandHeight}" width="${w}" height="${bandHeight}" fill="#000" fill-opacity="0.45"/>`,
    `<text y="${h - bandHeight + fontSize * 1.1}" font-family="sans-serif" font-size="${fontSize}" fill="#fff">${text}</text>`,
    `<text x="${w * 0.04}" y="${fontSize * 1.6}" font-family="sans-serif" font-size="${Math.round(fontSize * 0.7)}" fill="#fff" fill-opacity="0.8">${escapeXml(siteName)} · demo illustration</text>`,
    `</svg>`,
    "",
  ].join("\n");
}
