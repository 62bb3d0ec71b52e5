import { BadRequestException } from '@nestjs/common';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '@zaogong/shared';

/**
 * Opaque keyset cursors: base64url of JSON `[sortValue, id]`. A list ordered by (sortValue DESC,
 * id DESC) continues strictly after the last item of the previous page.
 */
export function encodeCursor(sortValue: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: string | number; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'string') {
      return { sortValue: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw new BadRequestException({ statusCode: 400, message: '翻页位置无效，请从第一页重新加载', errors: [{ field: 'cursor', message: '翻页位置无效' }] });
}

/** A cursor whose sort value is a time (created_at, updated_at…); anything else is the same 400. */
export function decodeDateCursor(cursor: string): { at: Date; id: string } {
  const c = decodeCursor(cursor);
  const at = new Date(String(c.sortValue));
  if (Number.isNaN(at.getTime())) decodeCursor('');
  return { at, id: c.id };
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return LIST_LIMIT_DEFAULT;
  return Math.min(Math.max(1, limit), LIST_LIMIT_MAX);
}
