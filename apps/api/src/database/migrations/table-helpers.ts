import { TableColumnOptions, TableIndexOptions, type QueryRunner } from 'typeorm';

/**
 * Column builders for migrations written once for MySQL 8, MariaDB 10.11 and SQLite through
 * TypeORM's Table API. They mirror the entity column helpers in ../column-types.ts; the schema
 * test (database.spec) fails when an entity and the migrations disagree.
 */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  decimal: (name: string, precision: number, scale: number, nullable = false): TableColumnOptions => ({ name, type: 'decimal', precision, scale, isNullable: nullable }),
  datetime: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable }),
};

export function isMysqlFamily(qr: QueryRunner): boolean {
  const t = qr.connection.options.type;
  return t === 'mysql' || t === 'mariadb';
}

/** created_at / updated_at as TypeORM's CreateDateColumn / UpdateDateColumn expect them on each driver. */
export function timestamps(qr: QueryRunner): TableColumnOptions[] {
  if (isMysqlFamily(qr)) {
    return [
      { name: 'created_at', type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)' },
      { name: 'updated_at', type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)', onUpdate: 'CURRENT_TIMESTAMP(6)' },
    ];
  }
  return [
    { name: 'created_at', type: 'datetime', default: "datetime('now')" },
    { name: 'updated_at', type: 'datetime', default: "datetime('now')" },
  ];
}

export function index(name: string, columnNames: string[], isUnique = false): TableIndexOptions {
  return { name, columnNames, isUnique };
}
