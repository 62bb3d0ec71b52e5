import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * JSON bodies: at most 1 MB (the Excel upload is multipart and has its own 10 MB limit) and at most
 * 32 levels of nesting. The depth is checked on the raw bytes before JSON.parse, so a body of a
 * million '[' costs one linear scan and a 400 instead of holding the event loop.
 * See docs/business-logic/hostile-input.md.
 */
export const JSON_BODY_LIMIT = 1024 * 1024;
export const JSON_MAX_DEPTH = 32;
export const TOO_DEEP_MESSAGE = '请求内容嵌套层数过多';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, counting brackets outside
 * strings. O(n), no allocation; stops at the first level too deep. Works on UTF-8 bytes (every byte
 * of a multi-byte character is ≥ 0x80, so none is mistaken for a bracket or a quote). Malformed text
 * is left for JSON.parse to refuse.
 */
export function jsonNestsDeeperThan(body: Buffer | string, maxDepth: number): boolean {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

type Done = (err: Error | null, body?: unknown) => void;

/**
 * The application/json parser: the depth check, then fastify's own parser (secure-json-parse, which
 * refuses __proto__ and constructor.prototype keys). Registered with app.useBodyParser().
 */
export function depthCheckedJsonParser(server: FastifyInstance, maxDepth = JSON_MAX_DEPTH) {
  // Typed for a string body, but secure-json-parse takes a Buffer as well (fastify passes one too).
  const parse = server.getDefaultJsonParser('error', 'error') as unknown as (req: FastifyRequest, body: Buffer, done: Done) => void;
  return (req: FastifyRequest, body: Buffer, done: Done): void => {
    if (jsonNestsDeeperThan(body, maxDepth)) {
      done(new BadRequestException({ statusCode: 400, message: `${TOO_DEEP_MESSAGE}（最多${maxDepth}层）` }));
      return;
    }
    parse(req, body, done);
  };
}
