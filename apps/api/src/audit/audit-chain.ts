import { createHash } from 'node:crypto';
import type { AuditBreakReason } from '@zaogong/shared';

/**
 * The audit log's hash chain (docs/business-logic/audit-log.md). Pure: no database, no clock.
 *
 * Each row carries `seq` (1, 2, 3, … without holes), `prev_hash` (the previous row's `hash`, or
 * GENESIS_HASH for seq 1) and `hash` = SHA-256 over `prev_hash` and a canonical serialisation of the
 * row's fields. Changing a row's content breaks its own hash; replacing its hash breaks the next row's
 * `prev_hash`; deleting a row leaves a hole in `seq`. The serialisation below must never change: rows
 * written under it would no longer verify (a new format would need a new CHAIN_VERSION kept beside this).
 */
export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_VERSION = 1;

/** The fields a link covers, as read back from the database. */
export interface ChainedFields {
  id: string;
  seq: number;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  targetType: string;
  targetId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  at: Date;
}

/** JSON with object keys sorted at every depth, so equal content always serialises the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** `detail` as it will read back from its JSON column (Dates become strings, undefined disappears). */
export function storedDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> {
  return JSON.parse(JSON.stringify(detail ?? {})) as Record<string, unknown>;
}

export function canonicalRow(r: ChainedFields): string {
  return canonicalJson([CHAIN_VERSION, r.seq, r.id, r.action, r.actorId, r.actorRole, r.targetType, r.targetId, r.detail, r.ip, r.at.toISOString()]);
}

export function linkHash(prevHash: string, r: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalRow(r)).digest('hex');
}

export interface ChainLink {
  seq: number;
  hash: string;
}

export interface ChainBreak {
  reason: AuditBreakReason;
  message: string;
}

/** Whether `row` follows `previous` (seq 0 / GENESIS_HASH before the first row); the reason when not. */
export function checkLink(previous: ChainLink, row: ChainedFields & { prevHash: string; hash: string }): ChainBreak | null {
  const expected = previous.seq + 1;
  if (row.seq !== expected) {
    const missing = row.seq - 1 === expected ? `第 ${expected} 条` : `第 ${expected}–${row.seq - 1} 条`;
    return { reason: 'seq_gap', message: `${missing}记录缺失（被删除），断在这条记录之前` };
  }
  if (row.prevHash !== previous.hash) return { reason: 'prev_hash_mismatch', message: '这条记录所记的上一条哈希与上一条记录不符（上一条被改动或替换过）' };
  if (linkHash(row.prevHash, row) !== row.hash) return { reason: 'hash_mismatch', message: '这条记录的内容与它的哈希不符（被改动过）' };
  return null;
}
