export interface E2eServer {
  /** The repository's root. */
  root: string;
  port: number;
  baseURL: string;
  pgliteDir: string;
  distDir: string;
  /** Holds an ISO instant the server takes as « now » while it exists (lib/clock.ts). */
  clockFile: string;
  /** Everything the running server prints (stdout and stderr), appended as it comes. */
  logFile: string;
  /** The environment the server runs with, and the job CLI beside it. */
  env: NodeJS.ProcessEnv;
}

export function e2eServer(port?: number): E2eServer;
