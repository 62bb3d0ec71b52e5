import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) and keyed blind indexes (HMAC-SHA256) for personal data
 * (身份证号, phone). Both keys are derived from DATA_KEY with HKDF, so one secret is configured.
 * Ciphertext format: "v1:" + base64(iv | tag | ciphertext).
 */
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(dataKey: string) {
    const ikm = Buffer.from(dataKey, 'utf8');
    this.encKey = Buffer.from(hkdfSync('sha256', ikm, 'zaogong', 'personal-data-encryption', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', ikm, 'zaogong', 'personal-data-blind-index', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return 'v1:' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('Unknown ciphertext version');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash for uniqueness and lookup; reveals nothing without DATA_KEY. */
  blindIndex(kind: 'id_number' | 'phone', normalised: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${normalised}`).digest('hex');
  }
}
