/// <reference types="node" />
/**
 * The progress bar on stderr (files done, rate, ETA), drawn only when stderr
 * is a terminal; other messages are written around it.
 */

/** Where the bar is drawn. */
export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

const REDRAW_MS = 100;

/** A one-line progress bar; a no-op when `enabled` is false. */
export class ProgressBar {
  private done = 0;
  private total: number | null = null;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled: boolean,
  ) {}

  /** The number of files, once the inputs have been counted. */
  setTotal(total: number): void {
    this.total = total;
  }

  /** One more file done. */
  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw >= REDRAW_MS) this.draw(now);
  }

  /** Write a message line on stderr without garbling the bar. */
  log(message: string): void {
    this.clear();
    this.stream.write(message.endsWith("\n") ? message : `${message}\n`);
  }

  /** Erase the bar (before the summary). */
  clear(): void {
    if (this.drawn) this.stream.write("\r\u001b[K");
    this.drawn = false;
  }

  private draw(now: number): void {
    this.lastDraw = now;
    this.stream.write(`\r\u001b[K${this.render(now)}`);
    this.drawn = true;
  }

  /** The bar's text at a moment (exported for tests through {@link renderProgress}). */
  render(now: number): string {
    return renderProgress(this.done, this.total, now - this.started, this.stream.columns || 80);
  }
}

/** `[█████░░░░░] 1,234/5,000 files  2,345/s  ETA 0:02`, fitted to `columns`. */
export function renderProgress(done: number, total: number | null, elapsedMs: number, columns: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const count = total === null ? `${fmt(done)} files` : `${fmt(done)}/${fmt(total)} files`;
  const speed = `${fmt(Math.round(rate))}/s`;
  const eta = total !== null && rate > 0 ? `ETA ${duration(((total - done) / rate) * 1000)}` : "";
  const text = [count, speed, eta].filter((s) => s !== "").join("  ");
  const barWidth = Math.min(30, columns - text.length - 4);
  if (total === null || total === 0 || barWidth < 5) return text.slice(0, Math.max(0, columns - 1));
  const filled = Math.round((Math.min(done, total) / total) * barWidth);
  return `[${"█".repeat(filled)}${"░".repeat(barWidth - filled)}] ${text}`;
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

/** `m:ss` or `h:mm:ss`. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
