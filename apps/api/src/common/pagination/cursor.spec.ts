import { BadRequestException } from '@nestjs/common';
import { clampLimit, decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips', () => {
    expect(decodeCursor(encodeCursor('2026-11-23T10:00:00.000Z', 'abc'))).toEqual({ sortValue: '2026-11-23T10:00:00.000Z', id: 'abc' });
    expect(decodeCursor(encodeCursor(5000, 'x'))).toEqual({ sortValue: 5000, id: 'x' });
  });

  it.each(['', 'not-base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])('rejects %p with a 400', (c) => {
    expect(() => decodeCursor(c)).toThrow(BadRequestException);
  });

  it('clamps the limit to 1..100 with 20 by default', () => {
    expect(clampLimit(undefined)).toBe(20);
    expect(clampLimit(0)).toBe(1);
    expect(clampLimit(500)).toBe(100);
    expect(clampLimit(30)).toBe(30);
  });
});
