/** Whether a database error is a unique-key violation, on MySQL/MariaDB or SQLite. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { driverError?: { code?: string } })?.driverError?.code ?? (e as { code?: string })?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
