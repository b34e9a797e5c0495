/// <reference types="node" />
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandInputs, isSingleFileInput, type InputFile } from "../../src/cli/input-files.js";

let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "xxgk-inputs-"));
  for (const f of ["b.txt", "a.HTML", "c.json", "sub/d.md", "sub/deeper/e.htm", ".hidden/f.txt"]) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), "x");
  }
  symlinkSync(join(dir, "missing.txt"), join(dir, "z-broken.txt"));
  symlinkSync(join(dir, "sub"), join(dir, "y-link-to-folder"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(inputs: string[], extensions = [".txt", ".md", ".html", ".htm"]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const warnings: string[] = [];
  for await (const f of expandInputs(inputs, { extensions, warn: (m) => warnings.push(m) })) out.push(f);
  return Object.assign(out, { warnings });
}

describe("expandInputs", () => {
  it("walks folders recursively, sorted, by ending (any case), skipping hidden entries and linked folders", async () => {
    const files = await collect([dir]);
    expect(files.map((f) => f.file.slice(dir.length + 1))).toEqual([
      "a.HTML",
      "b.txt",
      "sub/d.md",
      "sub/deeper/e.htm",
      "z-broken.txt",
    ]);
    expect(files.every((f) => f.error === undefined)).toBe(true);
  });

  it("keeps explicit files whatever their ending, marks missing ones, and passes - through", async () => {
    const files = await collect([join(dir, "c.json"), join(dir, "nope.txt"), "-"]);
    expect(files[0]).toEqual({ file: join(dir, "c.json"), path: join(dir, "c.json") });
    expect(files[1]!.error).toMatch(/^ENOENT/);
    expect(files[2]).toEqual({ file: "-", path: null });
  });

  it("expands globs and warns when a glob or a folder gives nothing", async () => {
    const files = await collect([join(dir, "**/*.{md,htm}"), join(dir, "*.pdf")]);
    expect(files.map((f) => f.file)).toEqual([join(dir, "sub/d.md"), join(dir, "sub/deeper/e.htm")]);
    expect((files as unknown as { warnings: string[] }).warnings).toEqual([`no file matches ${join(dir, "*.pdf")}`]);
    const none = await collect([dir], [".pdf"]);
    expect(none).toHaveLength(0);
  });

  it("tells one file from several", async () => {
    expect(await isSingleFileInput([join(dir, "b.txt")])).toBe(true);
    expect(await isSingleFileInput(["-"])).toBe(true);
    expect(await isSingleFileInput([dir])).toBe(false);
    expect(await isSingleFileInput([join(dir, "*.txt")])).toBe(false);
    expect(await isSingleFileInput([join(dir, "b.txt"), join(dir, "b.txt")])).toBe(false);
  });
});
