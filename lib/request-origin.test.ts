import { describe, expect, it } from "vitest";
import { allowedOrigins, clientAddress, isSameOrigin, requestHost, withoutUntrustedForwarding } from "@/lib/request-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("forwarded headers (finding 8)", () => {
  it("are believed only when the deployment says a proxy of ours sets them", () => {
    const forged = headers({ host: "offre.example.org", "x-forwarded-host": "evil.example" });
    expect(requestHost(forged, {})).toBe("offre.example.org");
    expect(requestHost(forged, { TRUST_PROXY: "true" })).toBe("evil.example");
    expect(requestHost(forged, { VERCEL: "1" })).toBe("evil.example");
  });

  it("let only this site's pages post: the configured origin or the host the browser reached", () => {
    const env = { AUTH_URL: "https://offre.example.org" };
    expect([...allowedOrigins(headers({ host: "127.0.0.1:3000" }), env)]).toEqual(["https://offre.example.org", "http://127.0.0.1:3000", "https://127.0.0.1:3000"]);
    expect(isSameOrigin(headers({ host: "offre.example.org", origin: "https://offre.example.org" }), env)).toBe(true);
    expect(isSameOrigin(headers({ host: "offre.example.org", origin: "https://evil.example", "x-forwarded-host": "evil.example" }), env)).toBe(false);
    expect(isSameOrigin(headers({ host: "offre.example.org" }), env)).toBe(false);
  });

  it("take the client's address from the last hop, which our proxy appends", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-real-ip": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(clientAddress(headers({}))).toBe("unknown");
  });

  it("drop a client-supplied address without TRUST_PROXY, so that rotating it escapes no per-address limit", () => {
    const sent = () => headers({ host: "offre.example.org", "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2", "x-forwarded-host": "evil.example" });
    const direct = withoutUntrustedForwarding(sent(), {});
    expect(direct.get("x-forwarded-for")).toBeNull();
    expect(direct.get("x-real-ip")).toBeNull();
    expect(direct.get("x-forwarded-host")).toBe("offre.example.org");
    // What Next then sets from the connection is what counts; with nothing at all, one bucket.
    expect(clientAddress(direct)).toBe("unknown");
    const proxied = withoutUntrustedForwarding(sent(), { TRUST_PROXY: "1" });
    expect(clientAddress(proxied)).toBe("198.51.100.1");
    expect(proxied.get("x-forwarded-host")).toBe("evil.example");
  });
});
