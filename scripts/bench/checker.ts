// npm run bench:checker [-- --size small]
//
// Time of the plain-language checker (lib/plain-language/, R3) on a 3 000-character text full of
// what it flags, as the provider's form runs it on leaving a field and the server on every save:
// p50 and p95 per text against a 5 ms budget. Pure code, no database.

import { parseArgs } from "node:util";
import { checkPlainLanguage } from "@/lib/plain-language/check";

const { values } = parseArgs({ options: { size: { type: "string", default: "full" } } });
const runs = values.size === "small" ? 200 : 2000;

const paragraph =
  "La formation se déroule en présentiel à Nancy, env. 35 h par sem., avec le CACES R489 et le SST. " +
  "Objectifs : maîtriser Word et Excel, rédiger son CV, préparer le CléA et le TOEIC. URGENT : places limitées. ";
const text = paragraph.repeat(Math.ceil(3000 / paragraph.length)).slice(0, 3000);

for (let i = 0; i < 20; i++) checkPlainLanguage(text, "content");
const times: number[] = [];
let findings = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  findings = checkPlainLanguage(text, "content").length;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.max(0, Math.ceil((p / 100) * times.length) - 1)]!;
console.log(`Plain-language checker on a ${text.length}-character text (${findings} findings), ${runs} runs:`);
console.log(`  p50 ${at(50).toFixed(2)} ms, p95 ${at(95).toFixed(2)} ms, max ${at(100).toFixed(2)} ms — p95 < 5 ms: ${at(95) < 5 ? "yes" : "NO"}`);
