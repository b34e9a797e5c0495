/// <reference types="node" />
/**
 * The `xxgk` executable (built to dist/cli/main.js; its worker to dist/cli/worker.js beside it).
 */
import { readAllStdin, runCli } from "./run-cli.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // the reader went away (`xxgk parse … | head`): stop quietly
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: readAllStdin,
  workerScript: new URL("./worker.js", import.meta.url),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`xxgk: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
