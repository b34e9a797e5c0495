/**
 * The examples of README.md and docs/*.md run as tests: every ```ts block that imports
 * "xxgk-report" is executed, and a line ending in `//=> value` asserts that value.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as fs from "node:fs";
import * as fsPromises from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { repoRoot } from "../helpers/corpus.js";

const MODULES: Record<string, unknown> = { "xxgk-report": lib, "node:fs": fs, "node:fs/promises": fsPromises };
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;

interface Example {
  file: string;
  line: number;
  code: string;
}

function examplesOf(file: string): Example[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  const out: Example[] = [];
  const re = /```ts\n([\s\S]*?)```/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[1]!.includes('from "xxgk-report"')) continue;
    out.push({ file, line: text.slice(0, m.index).split("\n").length + 1, code: m[1]! });
  }
  return out;
}

/** Rewrite imports to lookups and `expr; //=> value` lines to checks. */
function compile(code: string): string {
  return code
    .split("\n")
    .map((line, i) => {
      const imp = /^import\s+\{([^}]+)\}\s+from\s+"([^"]+)";?\s*$/.exec(line);
      if (imp) return `const {${imp[1]}} = __modules[${JSON.stringify(imp[2])}];`;
      const check = /^(.*?);?\s*\/\/=>\s*(.+)$/.exec(line);
      if (check) return `__check((${check[1]}), (${check[2]}), ${i + 1});`;
      return line;
    })
    .join("\n");
}

const files = ["README.md", ...readdirSync(join(repoRoot, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const examples = files.flatMap(examplesOf);

describe("documentation examples", () => {
  it("there are examples to run", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });
  for (const ex of examples) {
    it(`${ex.file}:${ex.line}`, async () => {
      const failures: string[] = [];
      const check = (actual: unknown, expected: unknown, line: number) => {
        if (!isDeepStrictEqual(actual, expected)) failures.push(`line ${line}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`);
      };
      const cwd = process.cwd();
      process.chdir(repoRoot);
      try {
        await new AsyncFunction("__modules", "__check", compile(ex.code))(MODULES, check);
      } finally {
        process.chdir(cwd);
      }
      expect(failures).toEqual([]);
    });
  }
});
