/// <reference types="node" />
/**
 * Where output goes: standard output or a file, written with back-pressure
 * so that a slow consumer holds the batch instead of filling memory.
 */
import { createWriteStream, openSync } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { describeFsError } from "./input-files.js";
import { UsageError } from "./options.js";

/** A text output with back-pressure. */
export interface OutputSink {
  /** Write a chunk; the promise (when returned) resolves once the stream can take more. */
  write(chunk: string): void | Promise<void>;
  /** Flush and close (a file) or flush (standard output). */
  end(): Promise<void>;
}

/** Open `--out FILE` (truncating it) or standard output. A file that cannot be opened is a usage error. */
export function openOutput(path: string | null, stdout: Writable = process.stdout): OutputSink {
  if (path === null) return streamSink(stdout, false);
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
  }
  return streamSink(createWriteStream("", { fd }), true);
}

function streamSink(stream: Writable, close: boolean): OutputSink {
  return {
    write(chunk) {
      if (chunk === "" || stream.write(chunk)) return;
      return once(stream, "drain").then(() => undefined);
    },
    async end() {
      if (close) {
        stream.end();
        await once(stream, "finish");
      } else if (stream.writableNeedDrain) {
        await once(stream, "drain");
      }
    },
  };
}
