/** @module Prints the README's configuration table from src/config/settings.ts, the source of truth. */
import { settings } from "../src/config/settings.ts";

console.log("| variable | default | meaning |");
console.log("|---|---|---|");
for (const s of Object.values(settings)) {
  const def = s.default === "" ? "empty" : `\`${s.default}\``;
  console.log(`| \`${s.env}\` | ${def} | ${s.doc.replace(/\|/g, "\\|")} |`);
}
