/**
 * @module A bench's helper script run as a process of its own (so its CPU is not the bench's), through
 * tsx, with its stderr shown as it goes and its stdout, one JSON document, parsed at the end.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";

/** Runs `node --import tsx <script> <args>`; resolves with what it printed, parsed, or throws if it failed. */
export async function runJsonChild<T>(script: string, args: string[]): Promise<T> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return JSON.parse(out) as T;
}
