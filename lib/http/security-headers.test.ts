import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, REACT_SHELL_TIME_SCRIPT, REACT_SHELL_TIME_SCRIPT_HASH } from "@/lib/http/security-headers";

describe("the Content-Security-Policy", () => {
  it("allows React's shell script by the hash of its exact text, as the React Next ships writes it", () => {
    const hash = createHash("sha256").update(REACT_SHELL_TIME_SCRIPT).digest("base64");
    expect(REACT_SHELL_TIME_SCRIPT_HASH).toBe(`sha256-${hash}`);
    const servers = ["react-dom", "react-dom-experimental"]
      .map((dir) => `node_modules/next/dist/compiled/${dir}/cjs/react-dom-server.node.production.js`)
      .filter((file) => existsSync(file));
    expect(servers.length).toBeGreaterThan(0);
    for (const file of servers) expect(readFileSync(file, "utf8"), file).toContain(JSON.stringify(REACT_SHELL_TIME_SCRIPT));
  });

  it("never allows inline scripts wholesale, nor framing", () => {
    const page = contentSecurityPolicy({ nonce: createNonce() });
    const scripts = page.split("; ").find((directive) => directive.startsWith("script-src "))!;
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(page).toContain("frame-ancestors 'none'");
    expect(page).toContain("object-src 'none'");
    expect(contentSecurityPolicy({})).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it("draws a new nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
  });
});

describe("the public cached pages' nonce", () => {
  it("is the same for everyone during a period, changes with the period and with the secret", async () => {
    const { publicNonce, PUBLIC_NONCE_PERIOD_MS } = await import("@/lib/http/security-headers");
    const at = Date.UTC(2027, 2, 1, 8);
    const start = Math.floor(at / PUBLIC_NONCE_PERIOD_MS) * PUBLIC_NONCE_PERIOD_MS;
    expect(await publicNonce("secret-a", start)).toBe(await publicNonce("secret-a", start + PUBLIC_NONCE_PERIOD_MS - 1));
    expect(await publicNonce("secret-a", start)).not.toBe(await publicNonce("secret-a", start + PUBLIC_NONCE_PERIOD_MS));
    expect(await publicNonce("secret-a", start)).not.toBe(await publicNonce("secret-b", start));
    expect(await publicNonce("secret-a", start)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
