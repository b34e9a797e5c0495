/// <reference types="node" />
/**
 * Turning the inputs of the command line (files, folders, globs, `-`) into a
 * lazy stream of files, so that a folder of 100,000 reports is never listed
 * in memory as a whole: each folder is read, sorted and walked in turn.
 */
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, extname } from "node:path";
import { hasGlobMagic, matchesGlob, planGlob, type GlobPlan } from "./glob.js";

/** One file to process. */
export interface InputFile {
  /** The name shown in output: the path as found, or `-` for standard input. */
  file: string;
  /** The path to read, or `null` for standard input. */
  path: string | null;
  /** Set when the input cannot be read at all (reported and counted, never fatal). */
  error?: string;
}

/** How folders are searched. */
export interface InputOptions {
  /** Endings kept when walking folders (lower case, with the dot). */
  extensions: readonly string[];
  /** Told when a folder or a glob gives no file. */
  warn?: (message: string) => void;
}

/** True when the inputs are exactly one file or `-` (as opposed to folders, globs or several files). */
export async function isSingleFileInput(inputs: readonly string[]): Promise<boolean> {
  if (inputs.length !== 1) return false;
  const only = inputs[0]!;
  if (only === "-") return true;
  try {
    return !(await stat(only)).isDirectory();
  } catch {
    return !hasGlobMagic(only);
  }
}

/** Every file of the inputs, in command-line order; folders and globs in sorted order. */
export async function* expandInputs(inputs: readonly string[], options: InputOptions): AsyncGenerator<InputFile> {
  for (const input of inputs) {
    if (input === "-") {
      yield { file: "-", path: null };
      continue;
    }
    yield* expandOne(input, options);
  }
}

async function* expandOne(input: string, options: InputOptions): AsyncGenerator<InputFile> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(input)).isDirectory();
  } catch (error) {
    if (hasGlobMagic(input)) yield* warnWhenEmpty(walkGlob(planGlob(input)), `no file matches ${input}`, options);
    else yield { file: input, path: input, error: describeFsError(error) };
    return;
  }
  if (isDirectory) {
    const keep = (name: string): boolean => options.extensions.includes(extname(name).toLowerCase());
    yield* warnWhenEmpty(walkFolder(input, keep), `no ${options.extensions.join(" ")} file in ${input}`, options);
  } else yield { file: input, path: input };
}

/** Files below a folder whose name passes `keep`, depth first, names sorted; hidden entries skipped. */
export async function* walkFolder(
  folder: string,
  keep: (name: string, relative: string) => boolean,
  maxDepth = Infinity,
  relative = "",
): AsyncGenerator<InputFile> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    yield { file: folder, path: folder, error: describeFsError(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    const rel = relative === "" ? entry.name : `${relative}/${entry.name}`;
    const kind = await entryKind(entry, path);
    if (kind === "directory") {
      if (maxDepth > 1) yield* walkFolder(path, keep, maxDepth - 1, rel);
    } else if (keep(entry.name, rel)) {
      yield { file: path, path };
    }
  }
}

/** Directories are walked; files and broken links are yielded; symbolic links to folders are not followed. */
async function entryKind(entry: Dirent, path: string): Promise<"directory" | "file" | "skip"> {
  if (entry.isDirectory()) return "directory";
  if (entry.isFile()) return "file";
  if (!entry.isSymbolicLink()) return "skip";
  try {
    return (await stat(path)).isDirectory() ? "skip" : "file";
  } catch {
    return "file";
  }
}

async function* warnWhenEmpty(
  files: AsyncGenerator<InputFile>,
  message: string,
  options: InputOptions,
): AsyncGenerator<InputFile> {
  let count = 0;
  for await (const file of files) {
    count++;
    yield file;
  }
  if (count === 0) options.warn?.(message);
}

async function* walkGlob(plan: GlobPlan): AsyncGenerator<InputFile> {
  const keep = (_name: string, relative: string): boolean => matchesGlob(plan, relative);
  const root = plan.base === "." ? "." : plan.base;
  for await (const found of walkFolder(root, keep, plan.maxDepth)) {
    if (found.error !== undefined && found.file === root) return;
    yield plan.base === "." ? { ...found, file: found.file.replace(/^\.\//, "") } : found;
  }
}

/** A short reason for a file-system error (`ENOENT: no such file or directory`). */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === "string") {
    const reason = e.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "");
    return `${e.code}: ${reason}`;
  }
  return String((error as Error)?.message ?? error);
}
