import { generatePassword, hashPassword, passwordWeakness, verifyPassword } from './passwords';

describe(passwordWeakness.name, () => {
  it.each([
    'password1234',
    'Password@1234',
    'PAKISTAN@123',
    '!!!welcome2025!!!',
    '1q2w3e4r5t6y',
    'qwertyuiop123',
    'zzzzzzzzzzzz',
    'abcabcabcabcabc',
    '123456789012',
    '987654321098',
    'lmnopqrstuvw',
  ])('should refuse %s', (p) => {
    expect(passwordWeakness(p)).toMatch(/most common/);
  });

  it('should refuse passwords shorter than 12 characters, and the email or name', () => {
    expect(passwordWeakness('Tr0ub4dor&3')).toMatch(/At least 12/);
    expect(passwordWeakness('haroon.khan@mofa.example', { email: 'haroon.khan@mofa.example' })).toMatch(/email/);
    expect(passwordWeakness('haroon.khan2025', { email: 'haroon.khan@mofa.example' })).toMatch(/email/);
  });

  it.each([
    'correct horse battery staple',
    'Seven blue camels crossed Thar',
    generatePassword(),
    'ریل رابطے کا منصوبہ ۲۰۲۵',
  ])('should accept %s', (p) => {
    expect(passwordWeakness(p, { email: 'someone@example.org', name: 'Someone' })).toBeUndefined();
  });
});

describe(hashPassword.name, () => {
  it('should hash with Argon2id, verify the right password only, and never throw on a damaged hash', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
