import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechat {
  url: string;
  requests: Array<{ path: string; query: Record<string, string> }>;
  close(): Promise<void>;
}

/** A stand-in for WeChat's server API on loopback: codes starting with "ok-" are accepted. */
export async function startFakeWechat(): Promise<FakeWechat> {
  const requests: FakeWechat['requests'] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code') ?? '';
      if (!code.startsWith('ok-')) return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
      return res.end(JSON.stringify({ openid: `openid-${code.slice(3)}`, session_key: 'sk', unionid: `union-${code.slice(3)}` }));
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
