import { representation } from './representation';

describe('representation.user', () => {
  it('should keep the email and its angle brackets in one left-to-right isolate, so an Urdu title reads "name <email>"', () => {
    expect(representation.user({ id: 3, name: 'ہارون اختر خان', email: 'haroon@mofa.example' })).toBe(
      'ہارون اختر خان \u2066<haroon@mofa.example>\u2069',
    );
  });

  it('should fall back to the email, then the id', () => {
    expect(representation.user({ id: 3, email: 'haroon@mofa.example' })).toBe('haroon@mofa.example');
    expect(representation.user({ id: 3 })).toBe('3');
  });
});

describe('representation.statusUpdate', () => {
  it('should write the day it took effect day first, as every date in the admin', () => {
    expect(representation.statusUpdate({ id: 7, effectiveAt: '2025-05-13T00:00:00.000Z' })).toBe('13 May 2025');
  });

  it('should fall back to the id without a date', () => {
    expect(representation.statusUpdate({ id: 7 })).toBe('#7');
  });
});
