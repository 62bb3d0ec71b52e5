import type { ValueTransformer } from 'typeorm';

/**
 * Column helpers that keep one entity set portable across MySQL 8, MariaDB 10.11 and SQLite
 * (see shared/notes/api-feasibility.md §4): decimals come back as numbers, datetimes keep milliseconds.
 */
export const decimalToNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)),
};

export const DATETIME = { type: 'datetime', precision: 3 } as const;
export const ID_COLUMN = { type: 'varchar', length: 36 } as const;
