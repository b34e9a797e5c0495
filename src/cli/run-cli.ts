/// <reference types="node" />
/**
 * The `xxgk` program: read the command line, run the command, return the exit code.
 */
import { readFileSync } from "node:fs";
import { runBatchCommand, type CliEnvironment } from "./batch-command.js";
import { parseCommandLine, UsageError } from "./options.js";
import { runTablesCommand } from "./tables-command.js";

/** Run `xxgk` with these arguments (without `node` and the script). Resolves with the exit code. */
export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === "help") {
      environment.stdout.write(`${parsed.text}\n`);
      return 0;
    }
    if (parsed.kind === "version") {
      environment.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    const { options } = parsed;
    return options.command === "tables"
      ? await runTablesCommand(options, environment)
      : await runBatchCommand(options, environment);
  } catch (error) {
    if (error instanceof UsageError) {
      environment.stderr.write(`xxgk: ${error.message}\nRun "xxgk --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

/** The version of the package, from the nearest package.json of `xxgk-report` above the script. */
function packageVersion(): string {
  let up = "../";
  for (let depth = 0; depth < 6; depth++, up += "../") {
    try {
      const json = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (json.name === "xxgk-report" && typeof json.version === "string") return json.version;
    } catch {
      // no package.json at this level: look further up
    }
  }
  return "unknown";
}

/** Everything read from standard input, as bytes. */
export async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
