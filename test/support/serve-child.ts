/**
 * @module `newsdesk serve --no-fetch` as a child process (source through tsx) on a free port of
 * 127.0.0.1, for tests that kill it: started with extra settings, resolved with its address.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");

export interface ServeChild {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
}

/** Starts serve over `databaseUrl` with `env` added; rejects with its stderr if it exits first. */
export async function startServe(databaseUrl: string, env: Record<string, string> = {}): Promise<ServeChild> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve", "--no-fetch"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: "0",
      NEWSDESK_WEB_WORKERS: "1",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += d;
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, base };
}
