/** @module The article body as Markdown: headings, paragraphs, lists, quotes, code, links, images, simple tables. */
import type { AnyNode, Element } from "domhandler";
import { isTag } from "domhandler";

const escapeInline = (s: string) => s.replace(/([\\`*_[\]])/g, "\\$1");

/** Inline content of `el` as Markdown (text, emphasis, links, images, code), on one line. */
function inline(nodes: AnyNode[]): string {
  let out = "";
  for (const n of nodes) {
    if (n.type === "text") out += escapeInline(n.data.replace(/\s+/g, " "));
    else if (isTag(n)) {
      const inner = () => inline(n.children).trim();
      switch (n.name) {
        case "strong":
        case "b":
          out += inner() ? `**${inner()}**` : "";
          break;
        case "em":
        case "i":
          out += inner() ? `_${inner()}_` : "";
          break;
        case "code":
          out += `\`${n.children.map((c) => (c.type === "text" ? c.data : "")).join("")}\``;
          break;
        case "a": {
          const href = n.attribs.href;
          out += href && /^https?:|^mailto:/.test(href) ? `[${inner()}](${href})` : inner();
          break;
        }
        case "img":
          if (n.attribs.src) out += `![${escapeInline(n.attribs.alt ?? "")}](${n.attribs.src})`;
          break;
        case "br":
          out += "  \n";
          break;
        default:
          out += inline(n.children);
      }
    }
  }
  return out;
}

function table(el: Element): string {
  const rows: string[][] = [];
  const stack: Element[] = [el];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.name === "tr") {
      rows.push(
        e.children
          .filter(isTag)
          .filter((c) => c.name === "td" || c.name === "th")
          .map((c) => inline(c.children).trim().replace(/\|/g, "\\|")),
      );
      continue;
    }
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (isTag(c)) stack.push(c);
    }
  }
  if (rows.length === 0) return "";
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? "").join(" | ")} |`;
  return [line(rows[0]!), `|${" --- |".repeat(width)}`, ...rows.slice(1).map(line)].join("\n");
}

/** Block content as Markdown blocks. Recursion depth is bounded by the extractor's tree cap. */
function blocks(nodes: AnyNode[]): string[] {
  const out: string[] = [];
  let pending: AnyNode[] = [];
  const flush = () => {
    const text = inline(pending).trim();
    if (text) out.push(text);
    pending = [];
  };
  for (const n of nodes) {
    if (!isTag(n)) {
      pending.push(n);
      continue;
    }
    const name = n.name;
    if (/^h[1-6]$/.test(name)) {
      flush();
      const text = inline(n.children).trim();
      if (text) out.push(`${"#".repeat(Math.max(2, Number(name[1])))} ${text}`);
    } else if (name === "p") {
      flush();
      const text = inline(n.children).trim();
      if (text) out.push(text);
    } else if (name === "ul" || name === "ol") {
      flush();
      let i = Number(n.attribs.start ?? 1);
      const items = n.children.filter(isTag).filter((c) => c.name === "li");
      const lines = items.map((li) => {
        const marker = name === "ol" ? `${i++}.` : "-";
        // Nested blocks are indented under their item; deeper levels add up.
        const [first = "", ...rest] = blocks(li.children);
        return [`${marker} ${first}`, ...rest.map((r) => r.replace(/^/gm, "  "))].join("\n");
      });
      if (lines.length) out.push(lines.join("\n"));
    } else if (name === "blockquote") {
      flush();
      const inner = blocks(n.children).join("\n\n");
      if (inner)
        out.push(
          inner
            .split("\n")
            .map((l) => `> ${l}`)
            .join("\n"),
        );
    } else if (name === "pre") {
      flush();
      const code = n.children.map(function text(c: AnyNode): string {
        return c.type === "text" ? c.data : isTag(c) ? c.children.map(text).join("") : "";
      });
      out.push(`\`\`\`\n${code.join("").replace(/\n$/, "")}\n\`\`\``);
    } else if (name === "table") {
      flush();
      const t = table(n);
      if (t) out.push(t);
    } else if (name === "hr") {
      flush();
      out.push("---");
    } else if (name === "figure") {
      flush();
      const img = n.children.filter(isTag).find((c) => c.name === "img" || c.name === "picture");
      const caption = n.children.filter(isTag).find((c) => c.name === "figcaption");
      const parts = [img ? inline([img]) : "", caption ? `_${inline(caption.children).trim()}_` : ""].filter(
        Boolean,
      );
      if (parts.length) out.push(parts.join("\n"));
    } else if (
      ["div", "section", "article", "main", "header", "li", "dl", "dd", "dt", "details", "summary"].includes(
        name,
      )
    ) {
      flush();
      out.push(...blocks(n.children));
    } else {
      pending.push(n);
    }
  }
  flush();
  return out;
}

/** The article's root elements as Markdown, blocks separated by blank lines. */
export function toMarkdown(roots: Element[]): string {
  return blocks(roots).join("\n\n").normalize("NFC");
}
