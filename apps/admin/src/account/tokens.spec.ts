import { curlExample, expiryOf, tokenState } from './tokens';

describe(tokenState.name, () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('should call a token without expiry or with a later one active, and one past its expiry expired', () => {
    expect(tokenState({ expiresAt: null }, now)).toBe('active');
    expect(tokenState({ expiresAt: '2026-12-01T12:00:01Z' }, now)).toBe('active');
    expect(tokenState({ expiresAt: '2026-12-01T12:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ expiresAt: '2026-11-30' }, now)).toBe('expired');
  });
});

describe(expiryOf.name, () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('should send an instant N days ahead for a preset, null for none, and the picked calendar date as it is', () => {
    expect(expiryOf('30', '', now)).toBe('2026-12-31T12:00:00.000Z');
    expect(expiryOf('90', '2027-01-05', now)).toBe('2027-03-01T12:00:00.000Z');
    expect(expiryOf('365', '', now)).toBe('2027-12-01T12:00:00.000Z');
    expect(expiryOf('never', '2027-01-05', now)).toBeNull();
    expect(expiryOf('date', '2027-01-05', now)).toBe('2027-01-05');
  });
});

describe(curlExample.name, () => {
  it('should show the token in the Authorization header of a request to this server', () => {
    expect(curlExample('rabta_abc', 'https://rabta.example')).toBe(
      'curl -H "Authorization: Bearer rabta_abc" https://rabta.example/api/initiatives',
    );
  });
});
