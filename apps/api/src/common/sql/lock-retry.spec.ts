import { ConflictException } from '@nestjs/common';
import { withLockRetry } from './lock-retry';

const driverError = (code: string) => Object.assign(new Error(code), { driverError: { code } });

describe('withLockRetry', () => {
  it('returns what the work returns, trying it once', async () => {
    const work = jest.fn(async () => 7);
    await expect(withLockRetry(work, '忙')).resolves.toBe(7);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it.each(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'])('tries again after %s and returns the later success', async (code) => {
    const work = jest.fn<Promise<string>, []>().mockRejectedValueOnce(driverError(code)).mockResolvedValueOnce('ok');
    await expect(withLockRetry(work, '忙')).resolves.toBe('ok');
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('ends in a Chinese 409 when every try is refused', async () => {
    const work = jest.fn(async () => {
      throw driverError('ER_LOCK_DEADLOCK');
    });
    const err = await withLockRetry(work, '人太多，请稍后再试', 3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictException);
    expect((err as ConflictException).getStatus()).toBe(409);
    expect((err as ConflictException).getResponse()).toEqual({ statusCode: 409, message: '人太多，请稍后再试' });
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('lets any other error through at once', async () => {
    const work = jest.fn(async () => {
      throw driverError('ER_DUP_ENTRY');
    });
    await expect(withLockRetry(work, '忙')).rejects.toThrow('ER_DUP_ENTRY');
    expect(work).toHaveBeenCalledTimes(1);
  });
});
