/**
 * Glob patterns for inputs the shell did not expand (quoted patterns, Windows):
 * `*`, `?`, `[abc]`, `{a,b}` inside one path segment and `**` across segments.
 */

const MAGIC = /[*?[\]{}]/;

/** True when the text has glob syntax in it. */
export function hasGlobMagic(text: string): boolean {
  return MAGIC.test(text);
}

/** A pattern split into the folder to walk and the pattern to match below it. */
export interface GlobPlan {
  /** The leading segments without glob syntax (`"."` when the pattern starts with one). */
  base: string;
  /** Matches paths relative to `base`, with `/` separators. */
  matcher: RegExp;
  /** How many segments deep a match can be, or `Infinity` when the pattern has `**`. */
  maxDepth: number;
}

/** Split a pattern into the folder to walk and a matcher for the rest. */
export function planGlob(pattern: string): GlobPlan {
  const normalized = pattern.replace(/\\/g, "/");
  const segments = normalized.split("/");
  const firstMagic = segments.findIndex((s) => hasGlobMagic(s));
  const cut = firstMagic === -1 ? segments.length - 1 : firstMagic;
  const baseSegments = segments.slice(0, cut);
  const rest = segments.slice(cut);
  const base = baseSegments.length === 0 ? "." : baseSegments.join("/") || "/";
  return {
    base,
    matcher: new RegExp(`^${restSource(rest)}$`),
    maxDepth: rest.includes("**") ? Infinity : rest.length,
  };
}

/** The RegExp source of the segments after the base; `**` matches zero or more whole segments. */
function restSource(segments: readonly string[]): string {
  let source = "";
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "**") source += last ? ".*" : "(?:[^/]+/)*";
    else source += translateSegment(segment) + (last ? "" : "/");
  });
  return source;
}

function translateSegment(segment: string): string {
  let out = "";
  let inBraces = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 1);
      if (close === -1) out += "\\[";
      else {
        const body = segment.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        out += `[${body}]`;
        i = close;
      }
    } else if (c === "{") {
      inBraces++;
      out += "(?:";
    } else if (c === "}" && inBraces > 0) {
      inBraces--;
      out += ")";
    } else if (c === "," && inBraces > 0) out += "|";
    else out += c.replace(/[.+^$()|\\}]/g, "\\$&");
  }
  return out + ")".repeat(inBraces);
}

/** Does a path relative to the plan's base (with `/` separators) match? */
export function matchesGlob(plan: GlobPlan, relativePath: string): boolean {
  return plan.matcher.test(relativePath);
}
