/** @module Bytes to text by WHATWG sniffing: BOM, then the HTTP charset, then <?xml encoding?> or <meta charset>; East Asian legacy encodings detected when nothing is declared. */
import { TextDecoder } from "node:util";
import chardet from "chardet";
import { decodeBuffer, getEncoding } from "encoding-sniffer";

/**
 * Decodes `bytes` to a string. The charset comes from a byte-order mark, the Content-Type header's
 * charset, or the document's own XML declaration or meta tag, in that order (encoding-sniffer, which
 * knows every WHATWG encoding). With no declaration at all, UTF-8 is used when the bytes are valid
 * UTF-8, else windows-1252, as browsers do. Invalid byte sequences become U+FFFD; this never throws.
 */
/**
 * How far into the document a <meta charset> is still looked for when the first 1,024 bytes (the
 * standard's prescan) declared nothing: archived pages and some CMSs put scripts and comments
 * before it. Browsers honour such a late declaration (Firefox reloads, Chromium scans the whole
 * head); 64 KiB covers any real head.
 */
const LATE_META_BYTES = 65_536;

/** A charset label from a <meta charset> or http-equiv Content-Type beyond the prescan, if any. */
function lateMetaCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, LATE_META_BYTES).toString("latin1");
  const end = head.search(/<\/head\s*>|<body[\s>]/i);
  const m = /<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(end >= 0 ? head.slice(0, end) : head);
  return m?.[1] ?? null;
}

/** How much of an undeclared page the encoding detector reads: the head and the first paragraphs decide. */
const DETECT_BYTES = 65_536;
/** Detected encodings trusted over windows-1252: the East Asian multi-byte ones, which windows-1252 turns into mojibake and which detection tells apart reliably (their byte patterns are distinctive). */
const DETECTED_LEGACY = new Set(["GB18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR", "ISO-2022-JP"]);

/** An undeclared page's East Asian legacy encoding (GBK, Big5, Shift_JIS...), as chardet detects it; null otherwise. */
function detectedLegacyEncoding(bytes: Buffer): string | null {
  const found = chardet.detect(bytes.subarray(0, DETECT_BYTES));
  return found && DETECTED_LEGACY.has(found) ? found : null;
}

export function decodeText(bytes: Buffer, contentType: string | null): string {
  const label = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  const options = label ? { transportLayerEncodingLabel: label } : {};
  // Two different defaults give the same answer only when something in the bytes or header decided.
  const declared = getEncoding(bytes, { ...options, defaultEncoding: "utf-8" });
  if (declared !== getEncoding(bytes, { ...options, defaultEncoding: "windows-1252" })) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      const late = lateMetaCharset(bytes);
      if (late && getEncoding(bytes, { transportLayerEncodingLabel: late }) !== "UTF-8")
        return decodeBuffer(bytes, { transportLayerEncodingLabel: late, defaultEncoding: "windows-1252" });
      // Nothing declared and not UTF-8: a page in GBK or Shift_JIS is detected (as browsers do) rather than read as windows-1252.
      const legacy = detectedLegacyEncoding(bytes);
      if (legacy)
        return decodeBuffer(bytes, { transportLayerEncodingLabel: legacy, defaultEncoding: "windows-1252" });
      return decodeBuffer(bytes, { ...options, defaultEncoding: "windows-1252" });
    }
  }
  return decodeBuffer(bytes, { ...options, defaultEncoding: "utf-8" });
}
