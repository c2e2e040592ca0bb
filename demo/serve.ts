/** @module Command-line entry to run the demo origin on its own: `node --import tsx demo/serve.ts [port]`. */
import { startDemoOrigin } from "./origin.ts";

const port = Number(process.argv[2] ?? 8090);
const origin = await startDemoOrigin({ port });
console.log(`Demo newsroom at ${origin.baseUrl}/`);
for (const feed of origin.feeds) console.log(`  ${feed.outletName}: ${feed.feedUrl} (${feed.format})`);
const stop = (): void => {
  void origin.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
