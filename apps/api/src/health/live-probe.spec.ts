import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverWithLiveProbe } from './live-probe';

const SECURITY = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' };

function get(server: Server, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serverWithLiveProbe', () => {
  let server: Server;
  const handled: string[] = [];

  beforeAll(async () => {
    server = serverWithLiveProbe(SECURITY)(
      (req, res) => {
        handled.push(`${req.method} ${req.url}`);
        res.end('from fastify');
      },
      { keepAliveTimeout: 5000 },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('answers a direct probe itself, with the security headers and a request id', async () => {
    handled.length = 0;
    const res = await get(server, '/api/v1/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
    expect(res.headers).toMatchObject({ ...SECURITY, 'content-type': 'application/json; charset=utf-8' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(handled).toEqual([]);
    expect(server.keepAliveTimeout).toBe(5000);
  });

  it('hands everything else to fastify: other paths and methods, probes through a proxy', async () => {
    handled.length = 0;
    for (const [path, headers, method] of [
      ['/api/v1/health/ready', {}, 'GET'],
      ['/api/v1/health?x=1', {}, 'GET'],
      ['/api/v1/health', {}, 'HEAD'],
      ['/api/v1/health', { 'x-forwarded-proto': 'https' }, 'GET'],
      ['/api/v1/health', { 'x-forwarded-for': '10.0.0.1' }, 'GET'],
      ['/api/v1/health', { 'x-request-id': 'from-nginx-1' }, 'GET'],
    ] as const) {
      const res = await get(server, path, headers, method);
      if (method !== 'HEAD') expect(res.body).toBe('from fastify');
    }
    expect(handled).toHaveLength(6);
  });
});
