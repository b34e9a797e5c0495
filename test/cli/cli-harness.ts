/// <reference types="node" />
/**
 * Test harness for the `xxgk` command: builds src/cli/main.ts and src/cli/worker.ts
 * (as tsup does, with esbuild) into a private folder under node_modules/.cache, runs
 * the result as a child process, and reads CSV back.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TaskConfig } from "../../src/cli/task.js";

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The corpus of real reports. */
export const CORPUS = join(ROOT, "corpus");

/** Build the CLI into a fresh folder; returns the path of main.js and a cleanup function. */
export async function buildCli(): Promise<{ main: string; cleanup: () => void }> {
  const cache = join(ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, "xxgk-cli-test-"));
  await build({
    entryPoints: { "cli/main": join(ROOT, "src/cli/main.ts"), "cli/worker": join(ROOT, "src/cli/worker.ts") },
    outdir,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "silent",
  });
  return { main: join(outdir, "cli", "main.js"), cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** What a run of the CLI gave. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node main.js …args` with optional standard input; never rejects on a non-zero exit. */
export function runCli(main: string, args: readonly string[], options: { stdin?: Uint8Array | string; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) =>
      resolvePromise({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

/** Parse CSV text (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else if (c !== "\r") cell += c;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

/** CSV rows as records keyed by the header row. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ""])));
}

/** The task configuration of `xxgk parse --format csv`, for tests that run tasks directly. */
export const CSV_PARSE_CONFIG: TaskConfig = {
  command: "parse",
  format: "csv",
  header: "en",
  includeText: false,
  severity: "info",
  color: false,
  jsonArray: false,
  maxBytes: 1 << 20,
};
