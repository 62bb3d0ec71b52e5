import type { EntityManager } from 'typeorm';

/** MariaDB/MySQL lock the row for the transaction; SQLite has one writer at a time anyway. */
export function writeLock(em: EntityManager): { mode: 'pessimistic_write' } | undefined {
  return em.connection.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' };
}
