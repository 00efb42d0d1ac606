import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Serves one HTML file at `/` on 127.0.0.1, on a free port. */
export async function serveFile(file: string): Promise<RunningServer> {
  const html = readFileSync(file);
  const server: Server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/#')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
