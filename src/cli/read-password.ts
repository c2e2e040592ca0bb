/**
 * @module Reads a password for `newsdesk user`: typed at a terminal without echo, or the first line
 * of a pipe (`printf '%s\n' "$PW" | newsdesk user add ...`) for scripts.
 */

/** Reads one line from the terminal in raw mode, echoing nothing. Ctrl-C aborts, Ctrl-D ends the line. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let line = "";
    const finish = (err: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(line);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return finish(null);
        if (ch === "\u0003") return finish(new Error("cancelled"));
        if (ch === "\u007f" || ch === "\b") line = [...line].slice(0, -1).join("");
        else line += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}

let piped: Promise<string[]> | undefined;

/** All of stdin as lines, read once (a script may pipe the password, and its confirmation is not asked). */
function pipedLines(): Promise<string[]> {
  piped ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/);
  })();
  return piped;
}

/**
 * A new password: asked twice at a terminal (they must match), else the first line of stdin.
 * Refuses an empty one with a message saying how to give it.
 */
export async function readNewPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await readHidden("Password: ");
    const second = await readHidden("Repeat the password: ");
    if (first !== second) throw new Error("the two passwords differ; nothing was changed");
    return first;
  }
  const line = (await pipedLines())[0] ?? "";
  if (line === "")
    throw new Error(
      "no password on stdin: type it at a terminal, or pipe it: printf '%s\\n' \"$PW\" | newsdesk user ...",
    );
  return line;
}
