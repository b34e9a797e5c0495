/// <reference types="node" />
/**
 * `xxgk tables <input>`: the raw grids of one report, as aligned text or JSON,
 * for debugging how a layout was read.
 */
import { readFileSync } from "node:fs";
import { extractTables, parseReport, sniffFormat } from "../index.js";
import type { Report, Table } from "../types.js";
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
  const { tables, report } = await readTables(bytes);
  if (options.format === "json") {
    await sink.write(`${JSON.stringify(tables, null, 2)}\n`);
  } else {
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

/** The grids and the report of one input: PDF, DOCX and DOC through their format modules. */
async function readTables(bytes: Uint8Array): Promise<{ tables: Table[]; report: Report }> {
  const format = sniffFormat(bytes);
  if (format === "pdf") {
    const pdf = await import("../pdf/index.js");
    return { tables: await pdf.extractPdfTables(bytes), report: await pdf.parsePdf(bytes) };
  }
  if (format === "docx") {
    const docx = await import("../docx/index.js");
    return { tables: await docx.extractDocxTables(bytes), report: await docx.parseDocx(bytes) };
  }
  if (format === "doc") {
    const doc = await import("../doc/index.js");
    return { tables: await doc.extractDocTables(bytes), report: await doc.parseDoc(bytes) };
  }
  return { tables: extractTables(bytes), report: parseReport(bytes) };
}
