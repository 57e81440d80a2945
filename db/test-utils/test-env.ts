// What a global setup hands to the integration test files of its project: the environment that
// db/index.ts reads to open the project's database (see setup-integration.ts).

export interface TestDbEnv {
  DATABASE_URL: string;
  DB_DRIVER: string;
  PGLITE_DIR: string;
  NEON_WS_PROXY: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDbEnv: TestDbEnv;
  }
}
