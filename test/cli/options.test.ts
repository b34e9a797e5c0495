import { describe, expect, it } from "vitest";
import { DEFAULT_EXTENSIONS, parseCommandLine, readExtensions, UsageError } from "../../src/cli/options.js";

describe("parseCommandLine", () => {
  it("reads a command, its inputs and options, with defaults", () => {
    const parsed = parseCommandLine(["parse", "a", "b", "-f", "csv", "--header", "zh", "-j", "3", "--ext", "txt,.MD"]);
    expect(parsed.kind).toBe("run");
    if (parsed.kind !== "run") return;
    expect(parsed.options).toMatchObject({
      command: "parse",
      inputs: ["a", "b"],
      format: "csv",
      header: "zh",
      jobs: 3,
      extensions: [".txt", ".md"],
      severity: null,
      out: null,
      timeoutMs: 60_000,
      maxBytes: 64 * 1024 * 1024,
      color: null,
    });
  });

  it("gives help and version", () => {
    expect(parseCommandLine([]).kind).toBe("help");
    expect(parseCommandLine(["--help"]).kind).toBe("help");
    expect(parseCommandLine(["-v"]).kind).toBe("version");
  });

  it.each([
    [["lint", "a"], /unknown command/],
    [["parse"], /no input/],
    [["parse", "a", "--format", "text"], /--format must be one of json, ndjson, csv/],
    [["tables", "a", "--format", "csv"], /--format must be one of text, json/],
    [["tables", "a", "b"], /exactly one input/],
    [["parse", "a", "--jobs", "two"], /whole number/],
    [["parse", "a", "--jobs", "0"], /at least 1/],
    [["validate", "a", "--severity", "fatal"], /--severity/],
    [["parse", "a", "--header", "fr"], /--header/],
    [["parse", "a", "--nope"], /nope/],
    [["parse", "-", "-"], /only once/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it("reads --ext lists", () => {
    expect(readExtensions(undefined)).toEqual([...DEFAULT_EXTENSIONS]);
    expect(readExtensions(["html", ".htm,txt", "html"])).toEqual([".html", ".htm", ".txt"]);
    expect(() => readExtensions([","])).toThrow(UsageError);
  });
});
