import { publicCacheKey } from './public-cache-routes';

const key = (url: string) => publicCacheKey(url)?.key ?? null;

describe('publicCacheKey', () => {
  it.each([
    ['/api/v1/posts', '/api/v1/posts?'],
    ['/api/v1/posts?', '/api/v1/posts?'],
    ['/api/v1/posts?townCode=370406103&q=%E7%94%B5%E7%84%8A', `/api/v1/posts?q=${encodeURIComponent('电焊')}&townCode=370406103`],
    ['/api/v1/posts?q=电焊&townCode=370406103', `/api/v1/posts?q=${encodeURIComponent('电焊')}&townCode=370406103`],
    ['/api/v1/posts?q=+%E7%94%B5%E7%84%8A+', `/api/v1/posts?q=${encodeURIComponent('电焊')}`],
    ['/api/v1/posts?q=%20%20', '/api/v1/posts?'],
    ['/api/v1/posts?q=', '/api/v1/posts?'],
    ['/api/v1/posts?townCode=', '/api/v1/posts?townCode='],
    ['/api/v1/posts?sort=wage&limit=10', '/api/v1/posts?limit=10&sort=wage'],
    ['/api/v1/regions?parent=370406103', '/api/v1/regions?parent=370406103'],
    ['/api/v1/occupations?q=%E7%84%8A', `/api/v1/occupations?q=${encodeURIComponent('焊')}`],
    ['/api/v1/public/stats?year=2026', '/api/v1/public/stats?year=2026'],
    ['/api/v1/posts/0b6f3a52-8f0e-4c1e-9a53-2f0d7c1e4b10', '/api/v1/posts/0b6f3a52-8f0e-4c1e-9a53-2f0d7c1e4b10?'],
  ])('keys %s as %s (decoded, sorted, the keyword trimmed)', (url, expected) => {
    expect(key(url)).toBe(expected);
  });

  it.each([
    ['another route', '/api/v1/posts/mine'],
    ['a later page', '/api/v1/posts?cursor=abc'],
    ['a location', '/api/v1/posts?sort=distance&lat=35&lng=117'],
    ['a parameter the route does not take', '/api/v1/posts?nonsense=1'],
    ['a parameter given twice', '/api/v1/posts?q=a&q=b'],
    ['a keyword longer than the route takes', `/api/v1/posts?q=${'焊'.repeat(31)}`],
    ['a malformed escape', '/api/v1/posts?q=%E7%9'],
    ['a trailing slash (another route for fastify)', '/api/v1/posts/'],
    ['the health probe', '/api/v1/health'],
    ['a post id that is no UUID', '/api/v1/posts/12345'],
    ['a post id in capitals', '/api/v1/posts/0B6F3A52-8F0E-4C1E-9A53-2F0D7C1E4B10'],
    ['a post with a query string', '/api/v1/posts/0b6f3a52-8f0e-4c1e-9a53-2f0d7c1e4b10?x=1'],
    ["a post's sub-route", '/api/v1/posts/0b6f3a52-8f0e-4c1e-9a53-2f0d7c1e4b10/photos'],
  ])('leaves %s to the route', (_what, url) => {
    expect(key(url)).toBeNull();
  });

  it('names the namespace and time of each route', () => {
    expect(publicCacheKey('/api/v1/posts')).toMatchObject({ namespace: 'posts', ttlMs: 30_000 });
    expect(publicCacheKey('/api/v1/regions')).toMatchObject({ namespace: 'regions' });
    expect(publicCacheKey('/api/v1/occupations')).toMatchObject({ namespace: 'occupations' });
    expect(publicCacheKey('/api/v1/public/stats')).toMatchObject({ namespace: 'public-stats' });
  });

  it('keeps a page of posts no longer than its first post to expire stays on it', () => {
    const until = publicCacheKey('/api/v1/posts')!.validUntil!;
    const page = { items: [{ expiresAt: '2026-12-31T00:00:00.000Z' }, { expiresAt: '2026-12-20T08:00:00.000Z' }, { expiresAt: null }] };
    expect(until(JSON.stringify(page))).toBe(Date.parse('2026-12-20T08:00:00.000Z'));
    expect(until(JSON.stringify({ items: [{ expiresAt: null }] }))).toBeNull();
    expect(until('not json')).toBeNull();
    const one = publicCacheKey('/api/v1/posts/0b6f3a52-8f0e-4c1e-9a53-2f0d7c1e4b10')!;
    expect(one).toMatchObject({ namespace: 'posts', ttlMs: 120_000 });
    expect(one.validUntil!(JSON.stringify({ id: 'x', expiresAt: '2026-12-20T08:00:00.000Z' }))).toBe(Date.parse('2026-12-20T08:00:00.000Z'));
    expect(publicCacheKey('/api/v1/regions')!.validUntil).toBeUndefined();
  });
});
