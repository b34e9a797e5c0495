/**
 * The import-boundary check: no module imports from a stage above its own
 * (`.dependency-cruiser.cjs` lists the stages), and the check itself fails on a
 * deliberately reversed import.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");

/** Runs the check in `cwd`; returns its exit status and output. */
function cruise(cwd: string): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [CLI, "src", "--config", CONFIG, "--no-progress"], { cwd, encoding: "utf8" });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: e.stdout + e.stderr };
  }
}

const scratch = mkdtempSync(join(tmpdir(), "xxgk-layers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "ESNext", moduleResolution: "Bundler" } }));
  return dir;
}

describe("stage boundaries", () => {
  it("src/ has no import that runs back up the stages", () => {
    const result = cruise(ROOT);
    expect(result.output).toContain("no dependency violations found");
    expect(result.status).toBe(0);
  });

  it("fails on a reversed import and names it", () => {
    const dir = tree("reversed", {
      "src/text/low.ts": 'import { high } from "../report/high.js";\nexport const low = high + 1;\n',
      "src/report/high.ts": "export const high = 1;\n",
    });
    const result = cruise(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("text-imports-upward: src/text/low.ts → src/report/high.ts");
  });

  it("accepts an import down the stages", () => {
    const dir = tree("downward", {
      "src/text/low.ts": "export const low = 1;\n",
      "src/report/high.ts": 'import { low } from "../text/low.js";\nexport const high = low + 1;\n',
    });
    expect(cruise(dir).status).toBe(0);
  });
});
