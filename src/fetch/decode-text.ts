/** @module Bytes to text: the charset from a BOM, then the HTTP header, then the document's own declaration. */
import { TextDecoder } from "node:util";

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xfe, 0xff], "utf-16be"],
  [[0xff, 0xfe], "utf-16le"],
];

function labelFromContentType(contentType: string | null): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m?.[1] ?? null;
}

/** Looks in the first 1 KiB for `<?xml encoding=...?>` or `<meta charset>` / http-equiv content-type. */
function labelFromDocument(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString("latin1");
  const xml = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml?.[1]) return xml[1];
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta?.[1] ?? null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Decodes `bytes` to a string. Invalid byte sequences become U+FFFD rather than throwing,
 * so one bad byte never loses a whole feed or page.
 */
export function decodeText(bytes: Buffer, contentType: string | null): string {
  for (const [bom, label] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return new TextDecoder(label).decode(bytes.subarray(bom.length));
  }
  const fromHeader = decoderFor(labelFromContentType(contentType));
  if (fromHeader) return fromHeader.decode(bytes);
  const fromDocument = decoderFor(labelFromDocument(bytes));
  // UTF-16 declared inside a document we could read as ASCII is a lie; WHATWG says use UTF-8.
  if (fromDocument && !fromDocument.encoding.startsWith("utf-16")) return fromDocument.decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}
