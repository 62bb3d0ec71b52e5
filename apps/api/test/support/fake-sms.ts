import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSms {
  url: string;
  received: Array<{ to: string; text: string; outId?: string; auth: string | undefined }>;
  /** The last 6-digit code texted to this phone (login codes). */
  lastCode(phone: string): string | undefined;
  failing: boolean;
  /** Each answer waits this long (a slow gateway: sends stay in flight). */
  holdMs: number;
  /** Requests that reached the gateway, answered or not yet. */
  arrived: number;
  close(): Promise<void>;
}

/** A stand-in SMS gateway: records what it gets; answers 500 while failing. */
export async function startFakeSms(): Promise<FakeSms> {
  const fake: FakeSms = {
    url: '',
    received: [],
    failing: false,
    holdMs: 0,
    arrived: 0,
    lastCode: (phone) => [...fake.received].reverse().find((m) => m.to === phone)?.text.match(/\d{6}/)?.[0],
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    fake.arrived += 1;
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    const answer = () => {
      if (fake.failing) {
        res.statusCode = 500;
        return res.end('{}');
      }
      fake.received.push({ ...(JSON.parse(body) as { to: string; text: string; outId?: string }), auth: req.headers.authorization });
      res.end('{"ok":true}');
    };
    req.on('end', () => (fake.holdMs > 0 ? setTimeout(answer, fake.holdMs) : answer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  fake.close = () => new Promise((r) => server.close(() => r()));
  return fake;
}
