/// <reference types="node" />
/**
 * The command line of `xxgk`: subcommands, their options, and the usage text.
 * Parsing uses `node:util` parseArgs; every mistake becomes a {@link UsageError}.
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import type { Severity } from "../types.js";

/** The subcommands of `xxgk`. */
export type Command = "parse" | "validate" | "tables" | "series" | "audit";

/** Output formats; which ones a command accepts is checked by {@link parseCommandLine}. */
export type OutputFormat = "json" | "ndjson" | "csv" | "text";

/** Language of CSV column labels. */
export type HeaderLanguage = "en" | "zh";

/** The options of one run, after defaults. */
export interface CliOptions {
  command: Command;
  inputs: string[];
  /** `null` when not given: each command picks its default. */
  format: OutputFormat | null;
  out: string | null;
  header: HeaderLanguage;
  /** File name endings kept when walking folders, lower case, with the dot. */
  extensions: string[];
  jobs: number;
  /** Lowest severity of findings written by `validate` and `series`; `null` = warning for text, info otherwise. */
  severity: Severity | null;
  /** Keep `source.text` in JSON output of `parse`. */
  includeText: boolean;
  /** Write a UTF-8 byte order mark before CSV output (for spreadsheet programs). */
  bom: boolean;
  /** Show every cell of `tables` in full instead of truncating wide ones. */
  full: boolean;
  /** No progress bar and no summary on stderr. */
  quiet: boolean;
  /** Add CPU time and peak memory to the summary. */
  stats: boolean;
  /** Give up on one file after this many milliseconds (0 = never). */
  timeoutMs: number;
  /** Files larger than this many bytes are reported as unreadable. */
  maxBytes: number;
  /** Force (`true`) or forbid (`false`) colours; `null` = colours when stdout is a TTY. */
  color: boolean | null;
}

/** What the command line asked for: a run, the help text, or the version. */
export type ParsedCommandLine =
  | { kind: "run"; options: CliOptions }
  | { kind: "help"; text: string }
  | { kind: "version" };

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Extensions read from folders unless `--ext` says otherwise. */
export const DEFAULT_EXTENSIONS: readonly string[] = [".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".doc"];

const FORMATS: Record<Command, readonly OutputFormat[]> = {
  parse: ["json", "ndjson", "csv"],
  validate: ["text", "json", "ndjson", "csv"],
  tables: ["text", "json"],
  series: ["text", "json", "ndjson", "csv"],
  audit: ["text", "json", "ndjson", "csv"],
};

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** The text of `xxgk --help`. */
export const USAGE = `xxgk — read 政府信息公开工作年度报告 (government information-disclosure annual reports)

Usage:
  xxgk parse <inputs…>     reports as JSON, NDJSON or CSV (one row per report)
  xxgk validate <inputs…>  arithmetic and completeness findings of each report
  xxgk tables <input>      the raw table grids of one report (to debug a layout)
  xxgk series <inputs…>    cross-year checks, reports grouped by organization
  xxgk audit <inputs…>     an evaluator's checklist per report, summed up per organ

Inputs are files, folders (searched recursively), glob patterns ("reports/**/*.html")
or - for standard input.

Options:
  -f, --format FORMAT   parse: json | ndjson | csv (default json for one file, ndjson for more)
                        validate, series, audit: text | json | ndjson | csv (default text)
                        tables: text | json (default text)
  -o, --out FILE        write to FILE instead of standard output
      --header LANG     CSV column labels: en (model paths, default) | zh (Chinese labels)
      --bom             start CSV output with a UTF-8 byte order mark (for Excel)
      --ext LIST        file endings read from folders (default .txt,.md,.html,.htm,.pdf,.docx,.doc)
  -j, --jobs N          worker threads (default: number of CPU cores)
      --severity LEVEL  validate, series: lowest severity shown: error | warning | info
                        (default warning for text, info for json, ndjson and csv)
      --text            parse: keep source.text (the decoded input) in JSON output
      --full            tables: do not shorten long cells
      --timeout MS      give up on a file after MS milliseconds (default 60000, 0 = never)
      --max-size MB     skip files larger than MB megabytes (default 64)
      --color, --no-color
  -q, --quiet           no progress bar and no summary on stderr
      --stats           add CPU time and peak memory (RSS) to the summary
  -h, --help            this text
  -v, --version         the version

Exit codes: 0 done; 1 validate/series/audit found an error-severity finding, or a file could
not be read; 2 usage error (unknown option, no input).`;

const OPTION_SPEC = {
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" },
  header: { type: "string" },
  bom: { type: "boolean" },
  ext: { type: "string", multiple: true },
  jobs: { type: "string", short: "j" },
  severity: { type: "string" },
  text: { type: "boolean" },
  full: { type: "boolean" },
  timeout: { type: "string" },
  "max-size": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  stats: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

type RawValues = ReturnType<typeof parseArgs<{ options: typeof OPTION_SPEC; allowPositionals: true }>>["values"];

/** Parse `process.argv.slice(2)`. Throws {@link UsageError} on any mistake. */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  let parsed: { values: RawValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: "version" };
  if (values.help || positionals.length === 0) return { kind: "help", text: USAGE };
  const command = readCommand(positionals[0]!);
  const inputs = positionals.slice(1);
  checkInputs(command, inputs);
  return { kind: "run", options: buildOptions(command, inputs, values) };
}

function readCommand(word: string): Command {
  if (word === "parse" || word === "validate" || word === "tables" || word === "series" || word === "audit") return word;
  throw new UsageError(`unknown command "${word}" (expected parse, validate, tables, series or audit)`);
}

function checkInputs(command: Command, inputs: string[]): void {
  if (inputs.length === 0) throw new UsageError(`xxgk ${command}: no input given (a file, a folder, a glob or -)`);
  if (command === "tables" && inputs.length > 1) throw new UsageError("xxgk tables: give exactly one input");
  if (inputs.filter((i) => i === "-").length > 1) throw new UsageError("standard input (-) can be read only once");
}

function buildOptions(command: Command, inputs: string[], values: RawValues): CliOptions {
  return {
    command,
    inputs,
    format: readFormat(command, values.format),
    out: values.out ?? null,
    header: readHeader(values.header),
    extensions: readExtensions(values.ext),
    jobs: readPositiveInt("--jobs", values.jobs, availableParallelism()),
    severity: readSeverity(values.severity),
    includeText: values.text === true,
    bom: values.bom === true,
    full: values.full === true,
    quiet: values.quiet === true,
    stats: values.stats === true,
    timeoutMs: readNonNegativeInt("--timeout", values.timeout, 60_000),
    maxBytes: readNonNegativeInt("--max-size", values["max-size"], 64) * 1024 * 1024,
    color: values["no-color"] ? false : values.color ? true : null,
  };
}

function readFormat(command: Command, raw: string | undefined): OutputFormat | null {
  if (raw === undefined) return null;
  const allowed = FORMATS[command];
  const format = raw.toLowerCase() as OutputFormat;
  if (!allowed.includes(format)) {
    throw new UsageError(`xxgk ${command}: --format must be one of ${allowed.join(", ")} (got "${raw}")`);
  }
  return format;
}

function readHeader(raw: string | undefined): HeaderLanguage {
  if (raw === undefined || raw === "en") return "en";
  if (raw === "zh") return "zh";
  throw new UsageError(`--header must be en or zh (got "${raw}")`);
}

function readSeverity(raw: string | undefined): Severity | null {
  if (raw === undefined) return null;
  const s = raw.toLowerCase() as Severity;
  if (!SEVERITIES.includes(s)) throw new UsageError(`--severity must be error, warning or info (got "${raw}")`);
  return s;
}

/** `--ext txt,md --ext .html` → `[".txt", ".md", ".html"]`. */
export function readExtensions(raw: readonly string[] | undefined): string[] {
  if (raw === undefined || raw.length === 0) return [...DEFAULT_EXTENSIONS];
  const list = raw
    .flatMap((r) => r.split(","))
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "")
    .map((e) => (e.startsWith(".") ? e : `.${e}`));
  if (list.length === 0) throw new UsageError("--ext needs at least one file ending");
  return [...new Set(list)];
}

function readPositiveInt(name: string, raw: string | undefined, fallback: number): number {
  const n = readNonNegativeInt(name, raw, fallback);
  if (n === 0) throw new UsageError(`${name} must be at least 1`);
  return n;
}

function readNonNegativeInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`${name} needs a whole number (got "${raw}")`);
  return Number(raw.trim());
}
