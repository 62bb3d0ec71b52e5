/** Escapes LIKE wildcards with '!' (a backslash escape is read differently by MySQL and SQLite); use with ESCAPE '!'. */
export function escapeLike(s: string): string {
  return s.replace(/[!%_]/g, (c) => '!' + c);
}
