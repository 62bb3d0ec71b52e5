/** Whether a database error is a unique-key violation, on MySQL/MariaDB or SQLite. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { driverError?: { code?: string } })?.driverError?.code ?? (e as { code?: string })?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Whether a database error is a deadlock or lock wait the database asks to retry (MySQL/MariaDB 1213, 1205; SQLite busy). */
export function isRetryableLockError(e: unknown): boolean {
  const code = (e as { driverError?: { code?: string } })?.driverError?.code ?? (e as { code?: string })?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}
