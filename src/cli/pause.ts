/** @module `newsdesk pause <id>` and `newsdesk resume <id>`: stop fetching a source, and start again. */
import type { Command } from "commander";
import type { Source } from "../storage/schema.ts";
import { findSourceById, pauseSource, resumeSource } from "../storage/sources.ts";
import { openRuntime, type Runtime } from "./runtime.ts";
import { parseSourceId } from "./source-id.ts";

export function registerPause(program: Command): void {
  program
    .command("pause")
    .description("stop fetching a source (its articles stay published) until `newsdesk resume`")
    .argument("<id>", "the source's number, as `newsdesk sources` lists it", parseSourceId)
    .action((id: number) =>
      withSource(id, async (rt, before) => {
        if (before.paused_at) {
          console.log(`source #${id} is already paused (since ${before.paused_at})`);
          return;
        }
        await pauseSource(rt.db.kysely, id, new Date().toISOString());
        console.log(
          `paused source #${id}: ${before.url}; nothing is fetched from it until \`newsdesk resume ${id}\``,
        );
      }),
    );
}

export function registerResume(program: Command): void {
  program
    .command("resume")
    .description("fetch a paused source again, or one disabled after failing for too long, from now on")
    .argument("<id>", "the source's number, as `newsdesk sources` lists it", parseSourceId)
    .action((id: number) =>
      withSource(id, async (rt, before) => {
        if (!before.disabled_at) {
          console.log(`source #${id} is not paused or disabled; nothing to resume`);
          return;
        }
        await resumeSource(rt.db.kysely, id, new Date().toISOString());
        const was = before.paused_at ? "paused" : "disabled after failing";
        console.log(`resumed source #${id} (${was}): ${before.url}; it is fetched at the next poll, now due`);
      }),
    );
}

/** Runs `fn` with the runtime and source `id`, or fails clearly when there is no such source. */
async function withSource(id: number, fn: (rt: Runtime, source: Source) => Promise<void>): Promise<void> {
  const rt = await openRuntime({ quiet: true });
  try {
    const source = await findSourceById(rt.db.kysely, id);
    if (!source) throw new Error(`there is no source #${id}; \`newsdesk sources\` lists them`);
    await fn(rt, source);
  } finally {
    await rt.close();
  }
}
