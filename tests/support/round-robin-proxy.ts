import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A load balancer for tests: each HTTP request (not each connection, so that keep-alive cannot pin a client to one
// process) goes to the next of several Rabta processes in turn. The answer says which one served it
// (`X-Backend: <index>`). No stickiness: whatever a process needs from another request must be in the database.

export interface RoundRobinProxy {
  port: number;
  url: string;
  /** Requests served by each backend, by index. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(ports: number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = ports.map(() => 0);
  const server = createServer((req, res) => {
    const index = next++ % ports.length;
    served[index] += 1;
    const headers: IncomingHttpHeaders = { ...req.headers, host: `127.0.0.1:${ports[index]}` };
    headers['x-forwarded-for'] ??= req.socket.remoteAddress ?? '127.0.0.1';
    const upstream = request(
      { host: '127.0.0.1', port: ports[index], method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': String(index) });
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', 'x-backend': String(index) });
      res.end(`backend ${index} failed: ${err.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
