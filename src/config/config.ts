/** @module Parses the settings table once into a frozen Config; fails fast with every bad value named. */
import { type SettingName, settings } from "./settings.ts";

export type Config = Readonly<{ [K in SettingName]: ReturnType<(typeof settings)[K]["parse"]> }>;

/**
 * Reads every setting from `env` (process.env by default), applying defaults.
 * Throws one Error listing every invalid value, so a misconfigured deploy fails at start, not later.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(settings)) {
    const raw = env[spec.env];
    try {
      out[key] = spec.parse(raw === undefined || raw === "" ? spec.default : raw, spec.env);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) throw new Error(`config: ${problems.join("; ")}`);
  return Object.freeze(out) as Config;
}
