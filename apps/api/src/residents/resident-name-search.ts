import { In, type SelectQueryBuilder } from 'typeorm';
import { Resident } from './entities/resident.entity';

/** Above this many matches a name is common: the plain newest-first query finds a page quickly. */
const MAX_SORTED_MATCHES = 2000;

/**
 * The page of a residents list that searches by part of a name (`qb` carries every condition and the
 * newest-first order). `name LIKE '%…%'` cannot seek an index, and for `ORDER BY created_at DESC LIMIT n`
 * MySQL/MariaDB walk the newest-first index reading every record until a page of names has matched:
 * the whole ledger for a rare name (≈0.3–0.5 s at 100,000 residents, bench/residents-list.bench.mjs).
 * Instead the matches' ids and times are read from a narrow name index (the names are tested inside
 * the index, no record is read), sorted here, and only the page's records are loaded. A common name
 * (many matches) takes the plain query, which then finds its page within the first records it reads.
 * The index hint is MySQL-family only; SQLite plans the query itself. Results are the plain query's.
 */
export async function findNameSearchPage(qb: SelectQueryBuilder<Resident>, take: number, index: string | null): Promise<Resident[]> {
  const matches = qb.clone().orderBy().select('r.id', 'id').addSelect('r.created_at', 'at').limit(MAX_SORTED_MATCHES + 1);
  if (index) matches.useIndex(index);
  const hits = (await matches.getRawMany<{ id: string; at: Date | string }>()).map((h) => ({ id: h.id, at: sortableTime(h.at) }));
  if (hits.length > MAX_SORTED_MATCHES) return qb.take(take).getMany();
  hits.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1));
  const ids = hits.slice(0, take).map((h) => h.id);
  if (!ids.length) return [];
  const rows = await qb.connection.getRepository(Resident).findBy({ id: In(ids) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is Resident => r !== undefined);
}

/**
 * A raw created_at as text that sorts like the time: mysql2 gives a Date, SQLite its stored
 * 'YYYY-MM-DD HH:MM:SS.SSS' (one driver per database, so the two forms are never compared).
 */
function sortableTime(v: Date | string): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

/**
 * The name index for a search limited to a 村居 (none: that 村居's own index is already small),
 * a 镇街 (town_code, name, created_at) or nothing (name, created_at).
 */
export function nameSearchIndex(limitedTo: { village: boolean; town: boolean }): string | null {
  if (limitedTo.village) return null;
  return limitedTo.town ? 'idx_residents_town_name' : 'idx_residents_name';
}
