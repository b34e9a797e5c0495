/// <reference types="node" />
/**
 * `xxgk parse`, `xxgk validate`, `xxgk series` and `xxgk audit`: stream the inputs through the
 * worker pool, write each file's output in input order, show progress, and end
 * with a summary on stderr and the exit code.
 */
import { availableParallelism } from "node:os";
import type { Writable } from "node:stream";
import { AuditCollector, formatAudit, hasErrors } from "./audit-command.js";
import { BatchSummary } from "./batch-summary.js";
import { reportCsvHeader } from "./csv.js";
import { findingCsvHeader } from "./finding-format.js";
import { expandInputs, isSingleFileInput, type InputFile } from "./input-files.js";
import type { CliOptions, OutputFormat } from "./options.js";
import { runOrderedBatch } from "./ordered-batch.js";
import { openOutput, type OutputSink } from "./output-sink.js";
import { ProgressBar } from "./progress-bar.js";
import { checkGroup, formatGroup, seriesPrologue, SeriesCollector } from "./series-command.js";
import { createRunner } from "./task-runner.js";
import type { TaskConfig, TaskResult } from "./task.js";

/** What a command needs from the process (replaced in tests). */
export interface CliEnvironment {
  stdout: Writable & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; write(chunk: string): boolean };
  readStdin(): Promise<Uint8Array>;
  /** The worker script, or `null` to run in the main thread. */
  workerScript: URL | null;
  /** `NO_COLOR` and friends. */
  env: Record<string, string | undefined>;
}

/** Resolve the output format when `--format` was not given. */
export function defaultFormat(options: CliOptions, singleFile: boolean): OutputFormat {
  if (options.format !== null) return options.format;
  if (options.command === "parse") return singleFile ? "json" : "ndjson";
  return "text";
}

/** Colours in text output: `--color`/`--no-color`, else when writing to a terminal without `NO_COLOR`. */
export function useColor(options: CliOptions, environment: CliEnvironment): boolean {
  if (options.color !== null) return options.color;
  return options.out === null && environment.stdout.isTTY === true && environment.env.NO_COLOR === undefined;
}

/** Writes the prologue, the chunks (joined as a JSON array when needed) and the epilogue. */
class ChunkWriter {
  private items = 0;

  constructor(
    private readonly sink: OutputSink,
    private readonly jsonArray: boolean,
  ) {}

  start(prologue: string): void | Promise<void> {
    return this.sink.write(this.jsonArray ? `${prologue}[` : prologue);
  }

  write(chunk: string): void | Promise<void> {
    if (chunk === "") return;
    if (!this.jsonArray) return this.sink.write(chunk);
    return this.sink.write(`${this.items++ === 0 ? "\n  " : ",\n  "}${chunk}`);
  }

  async finish(): Promise<void> {
    if (this.jsonArray) await this.sink.write(this.items === 0 ? "]\n" : "\n]\n");
    await this.sink.end();
  }
}

/** The settings each worker's task is run with, from the options and the output. */
function taskConfig(command: TaskConfig["command"], options: CliOptions, environment: CliEnvironment, single: boolean): TaskConfig {
  const format = defaultFormat(options, single);
  return {
    command,
    format,
    header: options.header,
    includeText: options.includeText,
    severity: options.severity ?? (format === "text" ? "warning" : "info"),
    color: useColor(options, environment),
    jsonArray: format === "json" && command !== "audit" && (command !== "parse" || !single),
    maxBytes: options.maxBytes,
  };
}

/** Run `parse`, `validate`, `series` or `audit`. Resolves with the exit code. */
export async function runBatchCommand(options: CliOptions, environment: CliEnvironment): Promise<number> {
  const command = options.command;
  if (command === "tables") throw new Error("runBatchCommand does not run tables");
  const started = Date.now();
  const config = taskConfig(command, options, environment, await isSingleFileInput(options.inputs));
  const sink = openOutput(options.out, environment.stdout);
  const writer = new ChunkWriter(sink, config.jsonArray);
  const showProgress = !options.quiet && environment.stderr.isTTY === true;
  const progress = new ProgressBar(environment.stderr, showProgress);
  const warn = (message: string): void => progress.log(`xxgk: ${message}`);
  if (showProgress) void countInputs(options).then((n) => progress.setTotal(n));

  const summary = new BatchSummary();
  const series = command === "series" ? new SeriesCollector() : null;
  const audit = command === "audit" ? new AuditCollector() : null;
  let errorFindings = 0;
  await writer.start(command === "series" || command === "audit" ? "" : prologue(command, config.format, options));
  const jobs = Math.max(1, Math.min(options.jobs, availableParallelism() * 4));
  const runner = createRunner(environment.workerScript, config, jobs, options.timeoutMs);
  try {
    await runOrderedBatch(expandInputs(options.inputs, { extensions: options.extensions, warn }), runner, jobs * 16, {
      readStdin: () => environment.readStdin(),
      onResult(result: TaskResult) {
        summary.add(result);
        progress.tick();
        errorFindings += result.counts.error;
        if (result.error !== undefined) warn(`${result.file}: ${brokenLabel(result)}: ${result.error}`);
        if (series !== null && result.report !== undefined) series.add(result.file, result.report);
        if (audit !== null) audit.add(result);
        return writer.write(result.output);
      },
    });
  } finally {
    await runner.close();
  }
  if (series !== null) errorFindings = await writeSeries(series, config, options, writer, warn);
  if (audit !== null) errorFindings = await writeAudit(audit, config, options, sink);
  await writer.finish();
  progress.clear();
  return exitCode(summary, command, errorFindings, options, environment, started);
}

/** Write the audit's checklist; 1 when a report has an error finding, else 0. */
async function writeAudit(audit: AuditCollector, config: TaskConfig, options: CliOptions, sink: OutputSink): Promise<number> {
  const result = audit.result();
  await sink.write(formatAudit(result, config.format, { header: options.header, bom: options.bom, color: config.color }));
  return hasErrors(result) ? 1 : 0;
}

/** Print the summary line and tell the exit code: 2 without input, 1 on errors or broken files. */
function exitCode(
  summary: BatchSummary,
  command: CliOptions["command"],
  errorFindings: number,
  options: CliOptions,
  environment: CliEnvironment,
  started: number,
): number {
  if (summary.files === 0) {
    environment.stderr.write("xxgk: no input file\n");
    return 2;
  }
  if (!options.quiet) {
    const stats = options.stats ? ` · ${resourceStats()}` : "";
    environment.stderr.write(`${summary.format(Date.now() - started, command !== "series")}${stats}\n`);
  }
  const findingsFail = command !== "parse" && errorFindings > 0;
  return findingsFail || summary.broken > 0 ? 1 : 0;
}

/** CPU time of the whole process (every thread) and its peak resident memory. */
function resourceStats(): string {
  const usage = process.resourceUsage();
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  return `cpu ${cpu.toFixed(1)} s · peak RSS ${Math.round(usage.maxRSS / 1024)} MB`;
}

function brokenLabel(result: TaskResult): string {
  return result.outcome === "unreadable" ? "cannot read" : "failed";
}

function prologue(command: "parse" | "validate", format: OutputFormat, options: CliOptions): string {
  if (format !== "csv") return "";
  const bom = options.bom ? "\uFEFF" : "";
  return bom + (command === "parse" ? reportCsvHeader(options.header) : findingCsvHeader(options.header));
}

/** Check every group, write it, and return the number of error-severity findings. */
async function writeSeries(
  collector: SeriesCollector,
  config: TaskConfig,
  options: CliOptions,
  writer: ChunkWriter,
  warn: (message: string) => void,
): Promise<number> {
  const format = config.format;
  const bom = options.bom && format === "csv" ? "\uFEFF" : "";
  await writer.write(bom + seriesPrologue(format, options.header));
  let errors = 0;
  for (const group of collector.result()) {
    const result = checkGroup(group, config.severity);
    errors += result.findings.filter((f) => f.severity === "error").length;
    await writer.write(formatGroup(result, format, config.color));
  }
  if (collector.unplaced.length > 0) {
    warn(`${collector.unplaced.length} report(s) without organization or year left out of the series`);
  }
  return errors;
}

/** Count the input files (for the progress bar's total and ETA), walking the inputs a second time. */
async function countInputs(options: CliOptions): Promise<number> {
  let count = 0;
  const files: AsyncIterable<InputFile> = expandInputs(options.inputs, { extensions: options.extensions });
  for await (const _file of files) count++;
  return count;
}
