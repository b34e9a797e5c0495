/** Messages between the page and its parsing worker (structured-clone friendly). */
import type { DocumentFormat, Report, Validation } from "xxgk-report";

/** One file (its bytes) or a pasted text to parse. */
export interface ParseJob {
  id: number;
  name: string;
  bytes?: ArrayBuffer;
  text?: string;
}

/** The page asks the worker to parse a batch, in order. */
export interface ParseRequest {
  type: "parse";
  jobs: ParseJob[];
}

/** What the worker made of one job. */
export interface ParseResult {
  type: "result";
  id: number;
  name: string;
  format: DocumentFormat | "pasted";
  /** `null` when the library threw (then `error` says why). */
  report: Report | null;
  /** `validateReport`; `null` for a text that is not a report (as `xxgk parse` counts it). */
  validation: Validation | null;
  error?: string;
  /** Parse time in milliseconds. */
  ms: number;
}
