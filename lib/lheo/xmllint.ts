// Tests only: validates a document against the official LHÉO 2.3 schema with xmllint
// (libxml2-utils, installed by .ci/run), reading only the copy in db/reference/.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const LHEO_XSD = fileURLToPath(new URL("../../db/reference/lheo/lheo-2.3.xsd", import.meta.url));

/** xmllint's verdict: `valid` and, when not, its messages. */
export function validateLheo(xml: string): { valid: boolean; errors: string } {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", LHEO_XSD, "-"], { input: xml, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;
  return { valid: run.status === 0, errors: run.stderr.split("\n").slice(0, 20).join("\n") };
}
