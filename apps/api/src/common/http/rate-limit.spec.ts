import { ipBucket, rateLimitKey, tokenSubject } from './rate-limit';

const jwt = (payload: object) => `Bearer eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
const on = { loginPerMin: 20, writesPerMin: 120 };

describe('rateLimitKey', () => {
  it.each([
    ['POST', '/api/v1/auth/wechat'],
    ['POST', '/api/v1/auth/sms/send'],
    ['POST', '/api/v1/auth/sms/login'],
    ['POST', '/api/v1/auth/refresh'],
    ['POST', '/api/v1/auth/mfa'],
    ['POST', '/api/v1/auth/qr'],
    ['POST', '/api/v1/auth/qr/abc123/approve'],
    ['POST', '/api/v1/auth/invitations/accept'],
  ])('counts %s %s as a login, per address', (method, url) => {
    expect(rateLimitKey(method, url, jwt({ sub: 'u1' }), '203.0.113.7', on)).toBe('l:203.0.113.7');
  });

  it('counts other writes per account, or per address without a readable token', () => {
    expect(rateLimitKey('POST', '/api/v1/residents', jwt({ sub: 'u-1' }), '203.0.113.7', on)).toBe('w:u:u-1');
    expect(rateLimitKey('PATCH', '/api/v1/posts/1', jwt({ sub: 'u-1' }), '203.0.113.8', on)).toBe('w:u:u-1');
    expect(rateLimitKey('DELETE', '/api/v1/x', undefined, '203.0.113.7', on)).toBe('w:ip:203.0.113.7');
    expect(rateLimitKey('PUT', '/api/v1/x', 'Bearer not-a-jwt', '203.0.113.7', on)).toBe('w:ip:203.0.113.7');
  });

  it('leaves reads, the PC\'s QR poll, and limits set to 0 alone', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS']) expect(rateLimitKey(m, '/api/v1/posts', undefined, '1.2.3.4', on)).toBe('-');
    expect(rateLimitKey('GET', '/api/v1/auth/qr/abc123', undefined, '1.2.3.4', on)).toBe('-');
    expect(rateLimitKey('POST', '/api/v1/auth/wechat', undefined, '1.2.3.4', { loginPerMin: 0, writesPerMin: 120 })).toBe('-');
    expect(rateLimitKey('POST', '/api/v1/residents', jwt({ sub: 'u1' }), '1.2.3.4', { loginPerMin: 20, writesPerMin: 0 })).toBe('-');
  });
});

describe('tokenSubject', () => {
  it('reads sub without checking the signature', () => expect(tokenSubject(jwt({ sub: 'b9b8-1', exp: 1 }))).toBe('b9b8-1'));
  it.each([undefined, '', 'Basic abc', 'Bearer a.b', 'Bearer a.!!!.c', jwt({ sub: 5 }), jwt({ sub: 'x'.repeat(65) }), jwt({ sub: 'a:b' }), jwt({})])('gives null for %s', (h) =>
    expect(tokenSubject(h)).toBeNull(),
  );
});

describe('ipBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:0:0:9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s → %s', (ip, bucket) => expect(ipBucket(ip)).toBe(bucket));
});
