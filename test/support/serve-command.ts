/**
 * @module `newsdesk serve` (with --demo, as the README's first command runs it) as a child process on
 * free ports, and the article pages a demo site ends up serving: for tests that look at the site
 * through the real ingest.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stopChild } from "./child-exit.ts";

const BIN = join(import.meta.dirname, "../../bin/newsdesk");

export interface DemoServe {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  site: string;
  stderr(): string;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `newsdesk <args>` (a `serve`) over `databaseUrl` on a free port with `env` added; resolves
 * once it prints its address, or throws with its stderr.
 */
export async function startServeCommand(
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<DemoServe> {
  const child = spawn(BIN, args, {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  let stdout = "";
  let site = "";
  for await (const chunk of child.stdout ?? []) {
    stdout += chunk;
    site = /running at (http:\/\/\S+?)\/?\s/.exec(stdout)?.[1] ?? "";
    if (site) break;
  }
  if (!site) throw new Error(`newsdesk ${args.join(" ")} printed no address (stderr: ${stderr})`);
  return {
    child,
    site,
    stderr: () => stderr,
    async stop() {
      const exit = await stopChild(child);
      if (exit.killed)
        throw new Error(`newsdesk ${args.join(" ")} did not stop on SIGTERM (stderr: ${stderr})`);
      return exit.code;
    },
  };
}

/** Starts `serve --demo` over `databaseUrl` on free ports (the demo's own included). */
export function startDemoServe(databaseUrl: string): Promise<DemoServe> {
  return startServeCommand(databaseUrl, ["serve", "--demo"], { NEWSDESK_DEMO_PORT: "0" });
}

const hrefs = (html: string, kind: string) =>
  [...html.matchAll(new RegExp(`href="(/${kind}/\\d+-[^"#]+)"`, "g"))].map((m) => m[1] ?? "");

/**
 * The article pages the site links, waiting (up to `timeoutMs`) until there are `expected` of them:
 * an article is on the front page, on one of its older pages, or on the page of a story it leads to.
 * Returns the links and the front page's HTML.
 */
export async function demoArticleLinks(
  site: string,
  expected: number,
  timeoutMs = 60_000,
): Promise<{ links: string[]; home: string }> {
  const started = Date.now();
  let links: string[] = [];
  let home = "";
  while (Date.now() - started < timeoutMs) {
    home = await (await fetch(`${site}/`)).text();
    const found = new Set<string>();
    let page: string | null = home;
    for (let n = 0; page !== null && n < 10; n++) {
      for (const link of hrefs(page, "articles")) found.add(link);
      for (const story of hrefs(page, "stories"))
        for (const link of hrefs(await (await fetch(`${site}${story}`)).text(), "articles")) found.add(link);
      const older: string | undefined = /<a href="(\/\?before=[^"]+)" rel="next">/.exec(page)?.[1];
      page = older ? await (await fetch(`${site}${older.replace(/&amp;/g, "&")}`)).text() : null;
    }
    links = [...found];
    if (links.length >= expected) break;
    await sleep(250);
  }
  return { links, home };
}
