/**
 * The parsing worker's entry: it loads the parser (pdf.js, mammoth, cfb and the library)
 * and tells the page when that fails, rather than dying without a word.
 */
import type { ParseRequest } from "./protocol.js";

const engine = import("./parse-engine.js");
engine.catch((error: unknown) => {
  self.postMessage({ type: "fatal", error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
});

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  if (event.data?.type !== "parse") return;
  const { parseJob } = await engine;
  for (const job of event.data.jobs) self.postMessage(await parseJob(job));
};
