// Reading an LHÉO file (2.2 or 2.3) safely: a streaming parser (saxes) that never expands
// entities nor fetches anything; a DOCTYPE, where entity bombs and external entities live, is
// refused outright, as is anything not LHÉO. Each `formation` is handed out as a small tree as
// soon as it is read, then forgotten.

import { SaxesParser } from "saxes";
import { FILE_ERRORS, IMPORT_MAX_BYTES } from "@/lib/lheo/import-limits";

export { FILE_ERRORS, IMPORT_MAX_BYTES };

export const LHEO_NAMESPACES = { "2.3": "http://lheo.gouv.fr/2.3", "2.2": "http://www.lheo.org/2.2" } as const;
export type LheoVersion = keyof typeof LHEO_NAMESPACES;

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export class LheoFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LheoFileError";
  }
}

const MAX_DEPTH = 64;

/**
 * Reads `xml` and calls `onFormation` with each `formation` (element names without prefix).
 * Throws a LheoFileError, in French, when the file as a whole cannot be read.
 */
export function readLheo(xml: string, onFormation: (formation: XmlNode, index: number) => void): { version: LheoVersion; formations: number } {
  if (xml.length > IMPORT_MAX_BYTES) throw new LheoFileError(FILE_ERRORS.tooLarge);
  if (xml.trim() === "") throw new LheoFileError(FILE_ERRORS.empty);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let version: LheoVersion | null = null;
  let depth = 0;
  let count = 0;
  const stack: XmlNode[] = [];
  let failure: LheoFileError | null = null;
  const fail = (error: LheoFileError) => {
    failure ??= error;
    throw error;
  };

  parser.on("doctype", () => fail(new LheoFileError(FILE_ERRORS.doctype)));
  parser.on("error", () => fail(failure ?? new LheoFileError(FILE_ERRORS.notXml(parser.line || 1))));
  parser.on("opentag", (tag) => {
    depth += 1;
    if (depth > MAX_DEPTH) fail(new LheoFileError(FILE_ERRORS.tooDeep));
    if (depth === 1) {
      const found = (Object.keys(LHEO_NAMESPACES) as LheoVersion[]).find((v) => LHEO_NAMESPACES[v] === tag.uri);
      if (tag.local !== "lheo" || !found) fail(new LheoFileError(FILE_ERRORS.notLheo));
      version = found!;
      return;
    }
    if (stack.length === 0 && tag.local !== "formation") return;
    const attrs: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attrs[attribute.local] = attribute.value;
    const node: XmlNode = { name: tag.local, attrs, children: [], text: "" };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on("text", (text) => {
    const node = stack.at(-1);
    if (node) node.text += text;
  });
  parser.on("cdata", (text) => {
    const node = stack.at(-1);
    if (node) node.text += text;
  });
  parser.on("closetag", () => {
    depth -= 1;
    const node = stack.pop();
    if (node && stack.length === 0) onFormation(node, count++);
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof LheoFileError) throw error;
    throw new LheoFileError(FILE_ERRORS.notXml(parser.line || 1));
  }
  if (!version) throw new LheoFileError(FILE_ERRORS.notLheo);
  if (count === 0) throw new LheoFileError(FILE_ERRORS.noFormation);
  return { version, formations: count };
}

/** The children of `node` named `name`. */
export const childrenOf = (node: XmlNode | undefined, name: string) => node?.children.filter((c) => c.name === name) ?? [];
/** The first child named `name`, following a path: child(node, "action", "session"). */
export function child(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) current = current?.children.find((c) => c.name === name);
  return current;
}
/** The trimmed text of the element at `path`, "" when absent. */
export const textOf = (node: XmlNode | undefined, ...path: string[]) => (child(node, ...path)?.text ?? "").trim();
