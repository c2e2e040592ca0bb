/** @module A progress bar on stderr for long commands, shown only to a person watching a terminal. */
import cliProgress from "cli-progress";

export interface Progress {
  tick(): void;
  stop(): void;
}

/** A bar labelled `label` counting to `total`; a no-op when stderr is not a TTY, so piped and tested output stays clean. */
export function startProgress(label: string, total: number): Progress {
  if (!process.stderr.isTTY || total === 0) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
