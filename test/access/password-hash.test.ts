import { CURRENT_SCRYPT_PARAMETERS, hashPassword, needsRehash, verifyPassword } from '../../src/access/password-hash';

// Cheap parameters where the test is about the format, not the cost.
const LIGHT = { ln: 10, r: 8, p: 1 };

describe('staff password hashing (scrypt)', () => {
  it('stores its parameters and a fresh salt with every hash, never the password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('horse');
  });

  it('verifies the password it was made from and nothing else', async () => {
    const stored = await hashPassword('correct horse battery staple', LIGHT);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', stored)).resolves.toBe(false);
    await expect(verifyPassword('Correct horse battery staple', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('matches a password typed in either Unicode form (é as one character or as e and an accent)', async () => {
    const stored = await hashPassword('caf\u00e9 au lait chaque matin', LIGHT);
    await expect(verifyPassword('cafe\u0301 au lait chaque matin', stored)).resolves.toBe(true);
  });

  it('matches nothing against a stored value that is not one of its hashes', async () => {
    await expect(verifyPassword('anything at all', 'plaintext-password')).resolves.toBe(false);
    await expect(verifyPassword('anything at all', '$scrypt$ln=15,r=8,p=1$$')).resolves.toBe(false);
  });

  it('tells a hash made with weaker parameters from one made with today’s, and still verifies the weaker one', async () => {
    const weak = await hashPassword('correct horse battery staple', LIGHT);
    const current = await hashPassword('correct horse battery staple');
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(current)).toBe(false);
    expect(needsRehash(current, { ...CURRENT_SCRYPT_PARAMETERS, ln: CURRENT_SCRYPT_PARAMETERS.ln + 1 })).toBe(true);
    await expect(verifyPassword('correct horse battery staple', weak)).resolves.toBe(true);
  });
});
