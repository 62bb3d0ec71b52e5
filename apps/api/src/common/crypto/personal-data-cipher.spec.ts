import { PersonalDataCipher } from './personal-data-cipher';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher('k'.repeat(32));

  it('round-trips and never stores the plaintext', () => {
    const stored = cipher.encrypt('370406199001011234');
    expect(stored).not.toContain('370406199001011234');
    expect(cipher.decrypt(stored)).toBe('370406199001011234');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('13912341234')).not.toBe(cipher.encrypt('13912341234'));
  });

  it('rejects a tampered ciphertext', () => {
    const stored = cipher.encrypt('13912341234');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt('v1:' + raw.toString('base64'))).toThrow();
  });

  it('blind index is stable per key and differs across keys and kinds', () => {
    const other = new PersonalDataCipher('x'.repeat(32));
    const a = cipher.blindIndex('phone', '13912341234');
    expect(cipher.blindIndex('phone', '13912341234')).toBe(a);
    expect(other.blindIndex('phone', '13912341234')).not.toBe(a);
    expect(cipher.blindIndex('id_number', '13912341234')).not.toBe(a);
  });
});
