import { describe, expect, it } from "vitest";
import { checkEnvironment, EnvironmentError, serverEnv } from "@/lib/env";

describe("serverEnv", () => {
  it("treats empty variables as unset and reads numbers", () => {
    expect(serverEnv({ DATABASE_URL: "", PORT: "3100" })).toEqual({ PORT: 3100 });
  });

  it("names every malformed variable and never prints its value", () => {
    const source = { DATABASE_URL: "mysql://secret-password@host/db", CRON_SECRET: "short", SMTP_URL: "http://x", DB_DRIVER: "mysql" };
    let error: unknown;
    try {
      serverEnv(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const message = (error as Error).message;
    for (const name of ["DATABASE_URL", "CRON_SECRET", "SMTP_URL", "DB_DRIVER"]) expect(message).toContain(name);
    expect(message).not.toContain("secret-password");
  });

  it("accepts the documented forms", () => {
    const env = serverEnv({
      DATABASE_URL: "postgresql://user:pw@ep-x.eu-central-1.aws.neon.tech/db?sslmode=require",
      DB_DRIVER: "neon",
      SMTP_URL: "smtps://user:pw@smtp.example.org:465",
      APP_URL: "https://offre.example.org",
      REGION_DEPARTMENTS: "54,55,57,88,2A",
      SCHEDULER: "in-process",
      CRON_SECRET: "0123456789abcdef",
    });
    expect(env.DB_DRIVER).toBe("neon");
  });
});

describe("checkEnvironment", () => {
  it("requires AUTH_SECRET in production, and CRON_SECRET with the in-process scheduler", () => {
    expect(() => checkEnvironment({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
    expect(() => checkEnvironment({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
    expect(() => checkEnvironment({ NODE_ENV: "test", SCHEDULER: "in-process" })).toThrow(/CRON_SECRET/);
  });

  it("warns when the jobs cannot run", () => {
    expect(checkEnvironment({ NODE_ENV: "development" })).toEqual([expect.stringContaining("CRON_SECRET")]);
    expect(checkEnvironment({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), CRON_SECRET: "y".repeat(16) })).toEqual([]);
  });
});
