import type { Repository } from 'typeorm';
import { CodeNames } from './code-names';

type Row = { code: string; name: string };

/** A stand-in repository over `table`, counting the queries: whole-table reads and lookups of missing codes. */
function repo(table: Row[]) {
  const calls = { all: 0, missing: [] as string[][] };
  let failNext = false;
  const rows = {
    createQueryBuilder: () => {
      let where: string[] | null = null;
      const qb = {
        select: () => qb,
        where: (_sql: string, p: { missing: string[] }) => {
          where = p.missing;
          return qb;
        },
        getMany: async () => {
          if (where) {
            calls.missing.push(where);
            return table.filter((r) => where!.includes(r.code));
          }
          calls.all++;
          if (failNext) {
            failNext = false;
            throw new Error('database away');
          }
          return [...table];
        },
      };
      return qb;
    },
  } as unknown as Repository<Row>;
  return { rows, calls, failOnce: () => (failNext = true) };
}

describe('CodeNames', () => {
  it('reads the table once, answers only the codes asked, and looks up a code added after that read', async () => {
    const table = [{ code: 'a', name: '甲' }, { code: 'b', name: '乙' }];
    const { rows, calls } = repo(table);
    const names = new CodeNames(rows);
    expect(await names.of(['a', 'a'])).toEqual(new Map([['a', '甲']]));
    expect(await names.of([])).toEqual(new Map());
    table.push({ code: 'c', name: '丙' });
    expect(await names.of(['b', 'c', 'x'])).toEqual(new Map([['b', '乙'], ['c', '丙']]));
    expect(await names.of(['c'])).toEqual(new Map([['c', '丙']]));
    expect(calls.all).toBe(1);
    // 'c' was kept once found; 'x' exists nowhere and is asked again each time.
    expect(calls.missing).toEqual([['c', 'x']]);
  });

  it('does not keep a failed first read', async () => {
    const { rows, calls, failOnce } = repo([{ code: 'a', name: '甲' }]);
    const names = new CodeNames(rows);
    failOnce();
    await expect(names.of(['a'])).rejects.toThrow('database away');
    expect(await names.of(['a'])).toEqual(new Map([['a', '甲']]));
    expect(calls.all).toBe(2);
  });
});
