// The scan that finds server actions in the source (app/authorization-matrix.test.ts) only sees
// files whose first statement is 'use server': a function that declares itself a server action
// inside its body must make it fail instead of going unseen.

import { describe, expect, it } from "vitest";
import { inlineServerActions, inlineServerDirectives } from "@/app/test-utils/source-scan";

describe("inline server actions", () => {
  it("are found wherever a function body opens with the directive", () => {
    const header = [
      'import { signOut } from "@/app/(auth)/auth";',
      "",
      "async function signOutAction() {",
      '  "use server";',
      "  await signOut({ redirect: false });",
      "}",
    ].join("\n");
    expect(inlineServerDirectives(header)).toEqual([4]);
    expect(inlineServerDirectives("export const save = async (data: FormData) => {\n  // Called by the form.\n  'use server'\n  return data;\n};")).toEqual([3]);
    expect(inlineServerDirectives('function f() { "use strict"; "use server"; }')).toEqual([1]);
    expect(inlineServerDirectives('export default function Page() {\n  async function act() {\n    /* inline */ "use server";\n  }\n  return <form action={act} />;\n}')).toEqual([3]);
  });

  it("are not confused with a 'use server' module, a comment or a string", () => {
    expect(inlineServerDirectives('"use server";\n\nexport async function login() {\n  return null;\n}')).toEqual([]);
    expect(inlineServerDirectives('// A "use server" directive is only a string.\nconst x = { "use server": 1 };\nconst y = <code>{"use server"}</code>;')).toEqual([]);
  });

  it("are scanned in every source file", () => {
    expect(inlineServerActions()).toEqual([]);
  });
});
