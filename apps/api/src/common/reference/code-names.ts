import type { ObjectLiteral, Repository } from 'typeorm';

/**
 * code → name of a seeded reference table (regions, occupations): the whole table's names are read at the first
 * call and kept (a few hundred rows that never change); a code not found there is looked up, in case the table was
 * seeded after that read. A failed first read is not kept: the next call reads again.
 */
export class CodeNames<T extends ObjectLiteral & { code: string; name: string }> {
  private all?: Promise<Map<string, string>>;

  constructor(private readonly rows: Repository<T>) {}

  async of(codes: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const all = await this.load();
    const out = new Map<string, string>();
    const missing: string[] = [];
    for (const code of unique) {
      const name = all.get(code);
      if (name === undefined) missing.push(code);
      else out.set(code, name);
    }
    if (missing.length) {
      for (const r of await this.select().where('t.code IN (:...missing)', { missing }).getMany()) {
        out.set(r.code, r.name);
        all.set(r.code, r.name);
      }
    }
    return out;
  }

  private load(): Promise<Map<string, string>> {
    this.all ??= this.select()
      .getMany()
      .then((rows) => new Map(rows.map((r) => [r.code, r.name])))
      .catch((e: unknown) => {
        this.all = undefined;
        throw e;
      });
    return this.all;
  }

  private select() {
    return this.rows.createQueryBuilder('t').select(['t.code', 't.name']);
  }
}
