import { describe, expect, it } from 'vitest';
import {
  canonical,
  decrypt,
  encrypt,
  generateDeviceKeys,
  invitationCode,
  isDeviceKeys,
  newTeamKey,
  normalizeCode,
  sign,
  unwrapKey,
  verify,
  wrapKey,
} from '../../../electron/sync/crypto';

describe('team folder cryptography', () => {
  it('signs and verifies, and refuses a changed text, another key or a malformed signature', () => {
    const a = generateDeviceKeys();
    const b = generateDeviceKeys();
    expect(isDeviceKeys(a)).toBe(true);
    const sig = sign(a, 'batch 1');
    expect(verify(a.sign.publicKey, 'batch 1', sig)).toBe(true);
    expect(verify(a.sign.publicKey, 'batch 2', sig)).toBe(false);
    expect(verify(b.sign.publicKey, 'batch 1', sig)).toBe(false);
    expect(verify(a.sign.publicKey, 'batch 1', 'AAAA')).toBe(false);
    expect(verify('not a key', 'batch 1', sig)).toBe(false);
    expect(verify(a.sign.publicKey, 'batch 1', 42)).toBe(false);
  });

  it('wraps a team key for one device only, bound to its context', () => {
    const a = generateDeviceKeys();
    const b = generateDeviceKeys();
    const key = newTeamKey();
    const wrapped = wrapKey(key, a.box.publicKey, 'team-1/epoch-1');
    expect(unwrapKey(wrapped, a, 'team-1/epoch-1')?.equals(key)).toBe(true);
    expect(unwrapKey(wrapped, b, 'team-1/epoch-1')).toBeNull();
    expect(unwrapKey(wrapped, a, 'team-1/epoch-2')).toBeNull();
    expect(unwrapKey({ eph: 'x', nonce: 'y', ct: 'z' }, a, 'team-1/epoch-1')).toBeNull();
    expect(unwrapKey(null, a, 'team-1/epoch-1')).toBeNull();
  });

  it('encrypts with a fresh nonce and opens only with the same key and additional data', () => {
    const key = newTeamKey();
    const one = encrypt(key, Buffer.from('客户 Acme'), 'aad');
    const two = encrypt(key, Buffer.from('客户 Acme'), 'aad');
    expect(one.nonce).not.toBe(two.nonce);
    expect(decrypt(key, one.nonce, one.data, 'aad')?.toString()).toBe('客户 Acme');
    expect(decrypt(key, one.nonce, one.data, 'other')).toBeNull();
    expect(decrypt(newTeamKey(), one.nonce, one.data, 'aad')).toBeNull();
    const flipped = Buffer.from(one.data);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(decrypt(key, one.nonce, flipped, 'aad')).toBeNull();
  });

  it('makes canonical JSON whatever the key order, and readable invitation codes', () => {
    expect(canonical({ b: 1, a: [{ d: 2, c: null }] })).toBe(
      canonical({ a: [{ c: null, d: 2 }], b: 1 }),
    );
    const code = invitationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(normalizeCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });
});
