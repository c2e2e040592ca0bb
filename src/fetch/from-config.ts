/** @module A Fetcher built from the settings table. */
import type { Config } from "../config/config.ts";
import { createFetcher, type Fetcher, type FetcherSettings } from "./fetcher.ts";

/** The fetcher every command uses; `extra` adds test resolvers or the demo origin's exemption. */
export function fetcherFromConfig(config: Config, extra: Partial<FetcherSettings> = {}): Fetcher {
  return createFetcher({
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    firstByteTimeoutMs: config.firstByteTimeoutMs,
    maxBytes: config.maxBodyBytes,
    allowNetworks: config.allowNetworks,
    hostConcurrency: config.hostConcurrency,
    hostIntervalMs: config.hostIntervalMs,
    ...extra,
  });
}
