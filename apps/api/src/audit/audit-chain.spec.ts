import { GENESIS_HASH, canonicalJson, checkLink, linkHash, storedDetail, type ChainedFields } from './audit-chain';

const row = (seq: number, over: Partial<ChainedFields> = {}): ChainedFields => ({
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  seq,
  action: 'resident.reveal',
  actorId: 'u1',
  actorRole: 'admin',
  targetType: 'resident',
  targetId: 'r1',
  detail: { reason: '核实' },
  ip: '10.0.0.1',
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
  ...over,
});

/** A valid chain of n links. */
function chain(n: number) {
  const out: Array<ChainedFields & { prevHash: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r = row(i);
    const hash = linkHash(prev, r);
    out.push({ ...r, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [3, { d: 1, c: 2 }] } }, '{"z":{"x":[3,{"c":2,"d":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[1, undefined, '二'], '[1,null,"二"]'],
    ['文字', '"文字"'],
    [null, 'null'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('does not depend on the order keys were written in', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });
});

describe('storedDetail', () => {
  it('is the detail as its JSON column gives it back', () => {
    const at = new Date('2026-01-02T03:04:05.006Z');
    expect(storedDetail({ at, gone: undefined, n: 1 })).toEqual({ at: '2026-01-02T03:04:05.006Z', n: 1 });
    expect(storedDetail(undefined)).toEqual({});
  });
});

describe('linkHash', () => {
  it('changes with every field and with the previous hash', () => {
    const base = linkHash(GENESIS_HASH, row(1));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants: Partial<ChainedFields>[] = [{ id: 'other' }, { seq: 2 }, { action: 'x' }, { actorId: null }, { actorRole: 'liaison' }, { targetType: 'user' }, { targetId: null }, { detail: { reason: '核实 ' } }, { ip: null }, { at: new Date(0) }];
    for (const v of variants) expect(linkHash(GENESIS_HASH, row(1, v))).not.toBe(base);
    expect(linkHash('f'.repeat(64), row(1))).not.toBe(base);
  });
});

describe('checkLink', () => {
  it('accepts a whole chain', () => {
    let prev = { seq: 0, hash: GENESIS_HASH };
    for (const r of chain(5)) {
      expect(checkLink(prev, r)).toBeNull();
      prev = { seq: r.seq, hash: r.hash };
    }
  });

  it.each([
    ['an edited field', (c: ReturnType<typeof chain>) => Object.assign(c[2], { detail: { reason: '改' } }), 3, 'hash_mismatch'],
    ['a replaced hash', (c: ReturnType<typeof chain>) => Object.assign(c[2], { hash: 'f'.repeat(64) }), 3, 'hash_mismatch'],
    ['an edit with a recomputed hash', (c: ReturnType<typeof chain>) => Object.assign(c[2], { detail: { reason: '改' }, hash: linkHash(c[2].prevHash, { ...c[2], detail: { reason: '改' } }) }), 4, 'prev_hash_mismatch'],
    ['a deleted row', (c: ReturnType<typeof chain>) => c.splice(2, 1), 4, 'seq_gap'],
    ['a deleted first row', (c: ReturnType<typeof chain>) => c.splice(0, 1), 2, 'seq_gap'],
  ])('names the first broken row after %s', (_label, tamper, brokenSeq, reason) => {
    const c = chain(5);
    tamper(c);
    let prev = { seq: 0, hash: GENESIS_HASH };
    for (const r of c) {
      const broken = checkLink(prev, r);
      if (broken) {
        expect(r.seq).toBe(brokenSeq);
        expect(broken.reason).toBe(reason);
        expect(broken.message).toMatch(/[\u4e00-\u9fa5]/);
        return;
      }
      prev = { seq: r.seq, hash: r.hash };
    }
    throw new Error('the tampering went unnoticed');
  });

  it('says which rows are missing', () => {
    expect(checkLink({ seq: 3, hash: 'x' }, { ...row(4), prevHash: 'x', hash: '' }) ?? null).not.toBeNull();
    expect(checkLink({ seq: 3, hash: 'x' }, { ...row(5), prevHash: 'x', hash: '' })?.message).toContain('第 4 条');
    expect(checkLink({ seq: 3, hash: 'x' }, { ...row(7), prevHash: 'x', hash: '' })?.message).toContain('第 4–6 条');
  });
});
