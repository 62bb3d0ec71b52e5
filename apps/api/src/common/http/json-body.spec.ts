import { jsonNestsDeeperThan } from './json-body';

describe('jsonNestsDeeperThan', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it.each([
    ['{}', 1, false],
    ['{}', 0, true],
    [deep(32), 32, false],
    [deep(33), 32, true],
    [`{"a":${deep(31)}}`, 32, false],
    [`{"a":${deep(32)}}`, 32, true],
    ['[{"a":[{"b":1}]},[[2]]]', 4, false],
    ['[{"a":[{"b":1}]},[[2]]]', 3, true],
    // Siblings do not add up: depth is how deep, not how many.
    [Array.from({ length: 1000 }, () => '[[1]]').join(',').replace(/^/, '[') + ']', 3, false],
  ])('%s deeper than %d: %s', (text, max, expected) => {
    expect(jsonNestsDeeperThan(text as string, max as number)).toBe(expected);
    expect(jsonNestsDeeperThan(Buffer.from(text as string), max as number)).toBe(expected);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ a: '[[[[[[{{{{' }), 1)).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify({ a: 'say \\"[[[[\\" ok', b: '\\\\' }), 1)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":"\\\\",' + '"b":[[[1]]]}', 3)).toBe(true);
  });

  it('reads UTF-8 text byte by byte without mistaking multi-byte characters for brackets', () => {
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ name: '王秀英【电焊】「叉车」' })), 1)).toBe(false);
  });

  it('stops at the first level too deep: a million "[" is one quick scan', () => {
    const started = process.hrtime.bigint();
    expect(jsonNestsDeeperThan(Buffer.from('['.repeat(1_000_000)), 32)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from('"' + 'x'.repeat(1_000_000) + '"'), 32)).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(2);
  });
});
