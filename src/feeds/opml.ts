/** @module OPML 1.0/2.0 subscription lists: parseOpml reads one (folders become categories), renderOpml writes 2.0. */
import { Parser } from "htmlparser2";
import { NewsdeskError } from "../errors.ts";

/** One subscription. `category` is the folder path, outermost first, joined with "/" ("News/Local"); null at top level. */
export interface OpmlFeed {
  xmlUrl: string;
  title: string | null;
  htmlUrl: string | null;
  category: string | null;
}

export interface OpmlDocument {
  title: string | null;
  feeds: OpmlFeed[];
}

const clean = (s: string | undefined): string | null => s?.replace(/\s+/g, " ").trim() || null;

function invalid(message: string): NewsdeskError {
  return new NewsdeskError("opml.invalid", `opml: ${message}`);
}

/**
 * Reads an OPML subscription list. Tolerant of what exporters do: no version, no type="rss", attribute
 * names in any case (xmlurl), stray ampersands. htmlparser2's XML mode never expands entities beyond the
 * five predefined ones and character references, and a DOCTYPE is refused outright, so billion-laughs
 * and external-entity documents do nothing. An outline with an xmlUrl is a feed (even if it has
 * children); one without is a folder whose name (text, else title) joins the category of what it holds
 * (a "/" inside a folder's name therefore reads as one more level when exported).
 * URLs are returned as written; the caller decides which are valid.
 */
export function parseOpml(text: string): OpmlDocument {
  const feeds: OpmlFeed[] = [];
  /** One entry per open element: the folder name it contributes to the category path, or null. */
  const stack: Array<{ name: string; folder: string | null }> = [];
  let root: string | null = null;
  let refused: string | null = null;
  let title = "";
  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (/^!(doctype|entity)/i.test(name)) {
          refused ??= "documents with a DOCTYPE or entity declarations are refused (OPML needs neither)";
        }
      },
      onopentag(rawName, rawAttrs) {
        const name = rawName.toLowerCase();
        root ??= name;
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(rawAttrs)) attrs[k.toLowerCase()] ??= v;
        let folder: string | null = null;
        if (name === "outline") {
          const xmlUrl = attrs.xmlurl?.trim();
          if (xmlUrl) {
            const path = stack.map((f) => f.folder).filter((f): f is string => f !== null);
            feeds.push({
              xmlUrl,
              title: clean(attrs.title) ?? clean(attrs.text),
              htmlUrl: attrs.htmlurl?.trim() || null,
              category: path.length > 0 ? path.join("/") : null,
            });
          } else {
            folder = clean(attrs.text) ?? clean(attrs.title);
          }
        }
        stack.push({ name, folder });
      },
      ontext(t) {
        const path = stack.map((f) => f.name).join(">");
        if (path === "opml>head>title") title += t;
      },
      onclosetag() {
        stack.pop();
      },
    },
    { xmlMode: true },
  );
  parser.write(text.replace(/^\uFEFF/, ""));
  parser.end();
  if (root !== "opml") {
    throw invalid(
      root ? `this is a <${root}> document, not an OPML subscription list` : "the file has no XML elements",
    );
  }
  if (refused) throw invalid(refused);
  return { title: clean(title), feeds };
}

/** Only what XML 1.0's Char production allows: other controls and lone surrogates cannot be written even escaped. */
function xmlChars(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const ok =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (ok) out += ch;
  }
  return out;
}

/** Escaped for a double-quoted attribute or text; tabs and newlines survive attribute normalisation. */
function esc(s: string): string {
  return xmlChars(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

interface Folder {
  name: string;
  entries: Array<Folder | OpmlFeed>;
  folders: Map<string, Folder>;
}

/** Folders in order of first appearance, so a list exported after an import keeps the imported order. */
function groupByCategory(feeds: OpmlFeed[]): Folder {
  const root: Folder = { name: "", entries: [], folders: new Map() };
  for (const feed of feeds) {
    let at = root;
    for (const part of (feed.category ?? "").split("/")) {
      const name = part.trim();
      if (!name) continue;
      let next = at.folders.get(name);
      if (!next) {
        next = { name, entries: [], folders: new Map() };
        at.folders.set(name, next);
        at.entries.push(next);
      }
      at = next;
    }
    at.entries.push(feed);
  }
  return root;
}

function renderEntries(folder: Folder, indent: string): string[] {
  return folder.entries.flatMap((e) => {
    if ("entries" in e) {
      const name = esc(e.name);
      return [
        `${indent}<outline text="${name}" title="${name}">`,
        ...renderEntries(e, `${indent}  `),
        `${indent}</outline>`,
      ];
    }
    const title = esc(e.title ?? e.xmlUrl);
    const html = e.htmlUrl ? ` htmlUrl="${esc(e.htmlUrl)}"` : "";
    return [
      `${indent}<outline type="rss" text="${title}" title="${title}" xmlUrl="${esc(e.xmlUrl)}"${html}/>`,
    ];
  });
}

/** An OPML 2.0 document listing `feeds`, nested in folders by category ("News/Local" is News > Local). */
export function renderOpml(feeds: OpmlFeed[], head: { title: string; dateCreated: Date }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    "  <head>",
    `    <title>${esc(head.title)}</title>`,
    `    <dateCreated>${head.dateCreated.toUTCString()}</dateCreated>`,
    "  </head>",
    "  <body>",
    ...renderEntries(groupByCategory(feeds), "    "),
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}
