/// <reference types="node" />
/**
 * `xxgk tables <input>`: the raw grids of one report, as aligned text or JSON,
 * for debugging how a layout was read.
 */
import { readFileSync } from "node:fs";
import { extractTables, parseReport } from "../index.js";
import type { CliEnvironment } from "./batch-command.js";
import { renderTable } from "./grid-text.js";
import { describeFsError } from "./input-files.js";
import { LineIndex } from "./line-index.js";
import type { CliOptions } from "./options.js";
import { openOutput } from "./output-sink.js";

/** Run `tables`. Resolves with the exit code (1 when the input cannot be read). */
export async function runTablesCommand(options: CliOptions, environment: CliEnvironment): Promise<number> {
  const input = options.inputs[0]!;
  let bytes: Uint8Array;
  try {
    bytes = input === "-" ? await environment.readStdin() : readFileSync(input);
  } catch (error) {
    environment.stderr.write(`xxgk: ${input}: cannot read: ${describeFsError(error)}\n`);
    return 1;
  }
  const sink = openOutput(options.out, environment.stdout);
  const tables = extractTables(bytes);
  if (options.format === "json") {
    await sink.write(`${JSON.stringify(tables, null, 2)}\n`);
  } else {
    const report = parseReport(bytes);
    const lines = new LineIndex(report.source.text);
    const maxCellWidth = options.full ? Infinity : 24;
    const layout = report.source.layout ?? "none";
    await sink.write(
      `${input}: ${tables.length} table${tables.length === 1 ? "" : "s"} · layout ${layout} · template ${report.template}\n`,
    );
    for (const [i, table] of tables.entries()) {
      await sink.write(`\n${renderTable(table, i, tables.length, lines, { maxCellWidth })}`);
    }
  }
  await sink.end();
  return 0;
}
