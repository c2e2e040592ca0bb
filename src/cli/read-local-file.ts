/** @module Reading a file named on the command line: one clear error for a missing file or one over the size cap. */
import { readFileSync, statSync } from "node:fs";

/** The file's bytes; the same cap as a fetched body (NEWSDESK_MAX_BODY_BYTES) so a stray huge file is refused, not parsed. */
export function readLocalFile(path: string, maxBytes: number): Buffer {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (stat.size > maxBytes) {
      throw new Error(
        `${path} is ${stat.size} bytes, over the ${maxBytes}-byte limit (NEWSDESK_MAX_BODY_BYTES)`,
      );
    }
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!code) throw err;
    // The errno code (ENOENT, EACCES, EISDIR) is what an operator searches for; the path says which file.
    throw new Error(`cannot read ${path}: ${code}`);
  }
}
