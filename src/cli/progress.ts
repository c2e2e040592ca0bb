/** @module A progress bar on stderr for long commands, shown only to a person watching a terminal. */
import cliProgress from "cli-progress";

export interface Progress {
  /** Advances the bar by `n` (1 when not given). */
  tick(n?: number): void;
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
  return { tick: (n = 1) => bar.increment(n), stop: () => bar.stop() };
}
