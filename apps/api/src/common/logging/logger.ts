import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Paths pino must never print: tokens and personal data, wherever they appear. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.idNumber',
  '*.phone',
  '*.contactPhone',
  '*.token',
  '*.code',
];

/**
 * The process's one pino logger: JSON lines to stdout (or the given stream), secrets redacted. Stdout is
 * written asynchronously (lines written while a write is under way go out together with the next one), so a
 * request does not wait on a write() of its log line; pino writes what is left when the process exits, and
 * at most the lines of the last moment are lost if it is killed outright.
 */
export function createRootLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } }, stream ?? pino.destination({ dest: 1, sync: false }));
}

/** Nest's own logging (bootstrap, errors caught by the exception filter) on the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, context?: string): void {
    this.root.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.root.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.root.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.root.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.root.trace({ context }, String(message));
  }
}
