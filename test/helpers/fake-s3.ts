import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeS3 {
  /** `http://127.0.0.1:PORT`: the S3_ENDPOINT to use. */
  endpoint: string;
  /** Stored objects by `bucket/key`. */
  objects: Map<string, { body: Buffer; headers: IncomingHttpHeaders }>;
  /** Every request received, in order. */
  requests: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close: () => Promise<void>;
}

/**
 * Just enough of S3 for the storage adapter: PUT and GET of objects at
 * path-style URLs (`/bucket/key`), bodies kept in memory. Signatures are not
 * checked (the tests check that one is sent); anything else is 501.
 */
export async function startFakeS3(): Promise<FakeS3> {
  const objects = new Map<string, { body: Buffer; headers: IncomingHttpHeaders }>();
  const requests: FakeS3['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const name = decodeURIComponent(url.pathname.slice(1));
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      if (req.method === 'PUT' && name.includes('/')) {
        const body = Buffer.concat(chunks);
        objects.set(name, { body, headers: req.headers });
        res.writeHead(200, { ETag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
      } else if (req.method === 'GET' && objects.has(name)) {
        const { body } = objects.get(name)!;
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
      } else if (req.method === 'GET') {
        res
          .writeHead(404, { 'Content-Type': 'application/xml' })
          .end(
            `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>`,
          );
      } else {
        res.writeHead(501, { 'Content-Type': 'application/xml' }).end(`<Error><Code>NotImplemented</Code><Message>fake</Message></Error>`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
