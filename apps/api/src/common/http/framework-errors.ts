import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toApiError } from '../filters/all-exceptions.filter';
import { ERROR_SECURITY_HEADERS } from './security-headers';

/**
 * What fastify answers before Nest sees a request, in the contract's shape and in Chinese like
 * every other error: the router's 400 (a malformed address) and 414 (a path segment longer than
 * fastify's maxParamLength), with the headers the security hooks would have set, and Node's own refusals of a request it cannot read (431 headers or
 * address too large, 400 a broken request, 408 too slow), which are written to the socket directly.
 */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const body = toApiError(error);
  void reply.headers(ERROR_SECURITY_HEADERS).status(body.statusCode).send(body);
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', '请求地址或请求头太长'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', '请求超时，请重试'],
};

/** fastify's clientErrorHandler: like its default, with a Chinese JSON body. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'Bad Request', '请求格式不正确'];
  const body = JSON.stringify({ statusCode: status, message });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
