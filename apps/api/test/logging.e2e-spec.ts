import { PassThrough } from 'node:stream';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';

describe('request logs', () => {
  let db: TestDatabase | null;
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    t = await startTestApp(db!, { LOG_LEVEL: 'info' }, { logStream: stream });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('are JSON with the request id the client saw, and hold no token, query string or personal data', async () => {
    const login = await request(t.server).post(`${API}/auth/dev-login`).send({ role: 'admin', name: '日志检查' }).expect(200);
    const token: string = login.body.token;
    const res = await request(t.server)
      .get(`${API}/occupations`)
      .query({ q: '13912345678' })
      .set('Authorization', `Bearer ${token}`)
      .set('x-request-id', 'trace-42')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('trace-42');
    await new Promise((r) => setTimeout(r, 50));
    const records = lines.map((l) => JSON.parse(l) as { req?: { id: string; path: string } });
    const mine = records.find((r) => r.req?.id === 'trace-42');
    expect(mine?.req?.path).toBe('/api/v1/occupations');
    const all = lines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain('13912345678');
    expect(all).not.toContain('日志检查');
  });

  it('give every request an id even when the client sends none or a bad one', async () => {
    const a = await request(t.server).get(`${API}/regions`).expect(200);
    const b = await request(t.server).get(`${API}/regions`).set('x-request-id', 'not ok!').expect(200);
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});
