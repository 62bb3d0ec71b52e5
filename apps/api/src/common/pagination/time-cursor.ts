import type { DataSource } from 'typeorm';

/**
 * "After this (time, id)" for a list ordered by a datetime column and the id, as SQL that holds on every
 * driver. SQLite keeps CreateDateColumn values as text without milliseconds ('YYYY-MM-DD HH:MM:SS', from
 * datetime('now')) while TypeORM writes a Date parameter with them ('… .000'), so a plain text comparison
 * puts the row a page ended on before its own cursor and it comes again on the next page; julianday() reads
 * both forms as the same instant. MySQL and MariaDB compare real datetimes.
 */
export function afterTimeCursor(
  ds: DataSource,
  columns: { time: string; id: string },
  direction: 'desc' | 'asc',
  cursor: { at: Date; id: string },
): [string, Record<string, unknown>] {
  const op = direction === 'desc' ? '<' : '>';
  const sqlite = ds.options.type === 'better-sqlite3';
  const time = sqlite ? `julianday(${columns.time})` : columns.time;
  const param = sqlite ? 'julianday(:cursorAt)' : ':cursorAt';
  return [`(${time} ${op} ${param} OR (${time} = ${param} AND ${columns.id} ${op} :cursorId))`, { cursorAt: cursor.at, cursorId: cursor.id }];
}
