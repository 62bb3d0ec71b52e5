/** The origin the H5 page was loaded from (same origin as the API): where a scanned QR link leads. */
export function originOf(req: { protocol?: string; headers: Record<string, string | string[] | undefined> }): string {
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost').split(',')[0].trim();
  const proto = String(req.headers['x-forwarded-proto'] ?? req.protocol ?? 'http').split(',')[0].trim();
  return `${proto === 'https' ? 'https' : 'http'}://${/^[\w.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}
