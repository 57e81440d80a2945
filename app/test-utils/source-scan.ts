// What a request can reach, found in the source rather than listed by hand, so that a new server
// action, route handler or cached function is covered (or makes a test fail) without anyone
// remembering to add it: app/authorization-matrix.test.ts, app/public-cache.test.ts.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const ROOT = join(__dirname, "..", "..");
const SOURCE_DIRS = ["app", "components", "db", "lib"];

/** The project's source files (tests excluded), as paths relative to the root. */
export function sourceFiles(dir: string = ROOT): string[] {
  if (dir === ROOT) return SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/** Files whose first statement is the 'use server' directive: each export is a server action. */
export function serverActionFiles(): string[] {
  return sourceFiles().filter((file) => /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(read(file)));
}

/**
 * The lines of a source text where a function body opens with the 'use server' directive (an
 * inline server action, which serverActionFiles cannot see): after the body's `{`, comments and
 * other directives only, then the directive ended by `;` or a line break.
 */
export function inlineServerDirectives(text: string): number[] {
  const directive = /\{\s*(?:(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|(["'])use \w+\1\s*;?)\s*)*(["'])use server\2\s*(?:;|\n|$)/g;
  return [...text.matchAll(directive)].map((m) => text.slice(0, m.index + m[0].lastIndexOf("use server")).split("\n").length);
}

/** Every inline server action in the source, as « file:line »: there must be none (each is declared in a 'use server' file). */
export function inlineServerActions(): string[] {
  return sourceFiles().flatMap((file) => inlineServerDirectives(read(file)).map((line) => `${file}:${line}`));
}

/** The functions a module exports, from its source (`export const x =`, `export async function x`). */
export function exportedFunctionNames(file: string): string[] {
  const text = read(file);
  return [...text.matchAll(/^export\s+(?:const|(?:async\s+)?function)\s+(\w+)/gm)].map((m) => m[1]!);
}

/** Every route handler and the HTTP methods it exports. */
export function routeHandlers(): { file: string; methods: string[] }[] {
  return sourceFiles()
    .filter((file) => /(^|\/)route\.tsx?$/.test(file))
    .map((file) => {
      const text = read(file);
      const methods = new Set<string>();
      for (const m of text.matchAll(/^export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)) methods.add(m[1]!);
      for (const m of text.matchAll(/^export\s+const\s*\{([^}]*)\}/gm)) for (const name of m[1]!.split(",")) methods.add(name.trim().split(/\s*:\s*/).pop()!);
      for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) for (const name of m[1]!.split(",")) methods.add(name.trim().split(/\s+as\s+/).pop()!);
      return { file, methods: [...methods].filter((m) => /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(m)).sort() };
    });
}

export interface CachedFunction {
  file: string;
  name: string;
  params: string[];
  body: string;
}

/** Functions whose body starts with the 'use cache' directive, with their parameter names. */
export function cachedFunctions(): CachedFunction[] {
  const found: CachedFunction[] = [];
  for (const file of sourceFiles()) {
    const text = read(file);
    if (/^\s*(\/\/[^\n]*\n\s*)*["']use cache["']/.test(text)) found.push({ file, name: "(whole module)", params: ["*"], body: text });
    const header = /(?:async\s+)?function\s+(\w+)\s*\(([^)]*)\)[^{]*\{\s*["']use cache(?::\s*\w+)?["']/g;
    for (const match of text.matchAll(header)) {
      const start = match.index + match[0].length;
      const next = text.slice(start).search(/\n(?:export\s+)?(?:async\s+)?function\s/);
      const body = text.slice(start, next === -1 ? undefined : start + next);
      const params = match[2]!
        .replace(/:[^,]*/g, "")
        .split(",")
        .map((p) => p.replace(/[{}\s]/g, ""))
        .filter(Boolean);
      found.push({ file, name: match[1]!, params, body });
    }
    const arrow = /\(([^)]*)\)\s*(?::[^=]*)?=>\s*\{\s*["']use cache/g;
    for (const match of text.matchAll(arrow)) found.push({ file, name: "(arrow function)", params: [match[1]!], body: "" });
  }
  return found;
}
