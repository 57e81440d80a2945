// A WebSocket → TCP relay, so that the Neon serverless driver (which speaks the PostgreSQL
// protocol over a WebSocket) can reach a plain local PostgreSQL in tests. db/client.ts points
// the driver at it with NEON_WS_PROXY=127.0.0.1:<port>/v1; the driver then connects to
// ws://127.0.0.1:<port>/v1?address=<host>:<port> and this relay opens that TCP connection.

import net from "node:net";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type RawData, type WebSocket } from "ws";

export interface WsRelay {
  /** The value for NEON_WS_PROXY. */
  proxy: string;
  port: number;
  close(): Promise<void>;
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * Starts the relay on 127.0.0.1 (a free port unless one is given). Only the addresses in
 * `allowed` ("host:port") may be reached, so the relay cannot be used to open arbitrary connections.
 */
export async function startWsRelay({ allowed, port = 0 }: { allowed: string[]; port?: number }): Promise<WsRelay> {
  const server = new WebSocketServer({ host: "127.0.0.1", port });
  const sockets = new Set<net.Socket>();

  server.on("connection", (ws: WebSocket, request) => {
    const address = new URL(request.url ?? "/", "http://relay").searchParams.get("address") ?? "";
    const match = /^(.+):(\d+)$/.exec(address);
    if (!match || !allowed.includes(address)) {
      ws.close(1008, "address not allowed");
      return;
    }
    const tcp = net.connect({ host: match[1]!, port: Number(match[2]) });
    tcp.setNoDelay(true);
    sockets.add(tcp);

    const closeBoth = () => {
      sockets.delete(tcp);
      tcp.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    };

    // Writes made before the TCP connection is up are buffered by the socket.
    ws.on("message", (data) => tcp.write(toBuffer(data)));
    tcp.on("data", (chunk) => {
      if (ws.readyState === ws.OPEN) ws.send(chunk, { binary: true });
    });
    ws.on("close", closeBoth);
    ws.on("error", closeBoth);
    tcp.on("close", closeBoth);
    tcp.on("error", closeBoth);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port: actualPort } = server.address() as AddressInfo;

  return {
    proxy: `127.0.0.1:${actualPort}/v1`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const client of server.clients) client.terminate();
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
