import { describe, expect, it } from "vitest";
import { duration, ProgressBar, renderProgress } from "../../src/cli/progress-bar.js";

describe("renderProgress", () => {
  it("shows files done, rate and ETA with a bar once the total is known", () => {
    expect(renderProgress(500, 2000, 1000, 100)).toBe(`[${"█".repeat(8)}${"░".repeat(22)}] 500/2,000 files  500/s  ETA 0:03`);
    expect(renderProgress(500, null, 1000, 100)).toBe("500 files  500/s");
    expect(renderProgress(0, 10, 0, 100)).toMatch(/^\[░+\] 0\/10 files  0\/s$/);
  });

  it("fits narrow terminals", () => {
    expect(renderProgress(500, 2000, 1000, 30).length).toBeLessThan(30);
  });

  it("formats durations", () => {
    expect(duration(59_400)).toBe("0:59");
    expect(duration(3_723_000)).toBe("1:02:03");
  });
});

describe("ProgressBar", () => {
  it("writes nothing when disabled except messages", () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (s) => (written.push(s), true), isTTY: false }, false);
    bar.tick();
    bar.log("xxgk: a.txt: cannot read");
    bar.clear();
    expect(written).toEqual(["xxgk: a.txt: cannot read\n"]);
  });

  it("draws on a terminal and erases itself before a message", () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (s) => (written.push(s), true), isTTY: true, columns: 80 }, true);
    bar.setTotal(4);
    bar.tick();
    bar.log("note");
    expect(written[0]).toMatch(/^\r\u001b\[K\[.*\] 1\/4 files/);
    expect(written.slice(1)).toEqual(["\r\u001b[K", "note\n"]);
  });
});
