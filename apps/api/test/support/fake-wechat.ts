import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { solidPng } from './png';

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
}

/** What the stand-in answers to subscribe/send. */
export type SendMode =
  | 'ok'
  /** HTTP 503, as when WeChat cannot be reached. */
  | 'down'
  /** errcode 43101: the user has no subscription left (or refused). */
  | 'no-quota'
  /** errcode 42001 once (access token expired), then ok. */
  | 'token-expired-once'
  /** errcode 47003: the template data does not fit. */
  | 'bad-data';

/** The colour of every 小程序码 the stand-in draws (getwxacodeunlimit), so a test can find it on a poster. */
export const WXACODE_COLOUR: [number, number, number] = [255, 0, 255];

/** What the stand-in answers to getwxacodeunlimit: an image, or errcode 41030 (the page does not exist). */
export type CodeMode = 'ok' | 'error';

export interface FakeWechat {
  url: string;
  requests: FakeRequest[];
  setCodeMode(mode: CodeMode): void;
  /** Subscribe messages WeChat accepted, parsed. */
  sent(): Array<{ touser: string; template_id: string; page: string; data: Record<string, { value: string }> }>;
  setSendMode(mode: SendMode): void;
  close(): Promise<void>;
}

/**
 * A stand-in for WeChat's server API on loopback: login (codes starting with "ok-" are accepted),
 * phone numbers (getuserphonenumber: codes "phone-<number>"), access tokens (/cgi-bin/token and
 * /cgi-bin/stable_token, 7200 s), subscribe/send and 小程序码 (getwxacodeunlimit: a 430 px square of
 * WXACODE_COLOUR).
 */
export async function startFakeWechat(): Promise<FakeWechat> {
  const requests: FakeRequest[] = [];
  const accepted: string[] = [];
  let mode: SendMode = 'ok';
  let codeMode: CodeMode = 'ok';
  let tokenNo = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body });
      res.setHeader('content-type', 'application/json');
      const send = (o: object) => res.end(JSON.stringify(o));
      if (url.pathname === '/sns/jscode2session') {
        const code = url.searchParams.get('js_code') ?? '';
        if (!code.startsWith('ok-')) return send({ errcode: 40029, errmsg: 'invalid code' });
        return send({ openid: `openid-${code.slice(3)}`, session_key: 'sk', unionid: `union-${code.slice(3)}` });
      }
      if (url.pathname === '/wxa/business/getuserphonenumber') {
        // Codes "phone-<11 digits>" stand for that number; anything else is an expired code.
        const code = (JSON.parse(body || '{}') as { code?: string }).code ?? '';
        const m = /^phone-(\d{11})$/.exec(code);
        if (!m || !url.searchParams.get('access_token')) return send({ errcode: 40029, errmsg: 'invalid code' });
        return send({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: m[1], purePhoneNumber: m[1], countryCode: '86' } });
      }
      if (url.pathname === '/cgi-bin/token' || url.pathname === '/cgi-bin/stable_token') return send({ access_token: `tok-${++tokenNo}`, expires_in: 7200 });
      if (url.pathname === '/wxa/getwxacodeunlimit') {
        // A 小程序码 as WeChat sends it: the image itself; a refusal is JSON with an errcode.
        if (!url.searchParams.get('access_token')) return send({ errcode: 41001, errmsg: 'access_token missing' });
        if (codeMode === 'error') return send({ errcode: 41030, errmsg: 'invalid page' });
        res.setHeader('content-type', 'image/png');
        return res.end(solidPng(430, 430, WXACODE_COLOUR));
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        if (mode === 'down') {
          res.statusCode = 503;
          return res.end('down');
        }
        if (mode === 'no-quota') return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
        if (mode === 'bad-data') return send({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' });
        if (mode === 'token-expired-once') {
          mode = 'ok';
          return send({ errcode: 42001, errmsg: 'access_token expired' });
        }
        accepted.push(body);
        return send({ errcode: 0, errmsg: 'ok' });
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sent: () => accepted.map((b) => JSON.parse(b) as ReturnType<FakeWechat['sent']>[number]),
    setSendMode: (m) => (mode = m),
    setCodeMode: (m) => (codeMode = m),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
