import { fieldErrorMessage, translateFieldErrors } from './fieldErrors';

const RA = '@@react-admin@@';

describe(translateFieldErrors.name, () => {
  it("should word each field by the API's key and params, with the English message as the fallback", () => {
    const errors = translateFieldErrors(
      { titleEn: 'At most 300 characters', 'quotes.12': 'Something specific' },
      { titleEn: { key: 'validation.at_most', params: { max: 300 }, message: 'At most 300 characters' } },
    );
    expect(JSON.parse(errors.titleEn.slice(RA.length))).toEqual({
      message: 'rabta.validation.at_most',
      args: { max: 300, _: 'At most 300 characters' },
    });
    // No key: the message as the API wrote it (no guessing from the English).
    expect(errors['quotes.12']).toBe('Something specific');
  });

  it('should keep every field when the API sent no keys', () => {
    expect(translateFieldErrors({ a: 'Required' }, undefined)).toEqual({ a: 'Required' });
  });
});

describe(fieldErrorMessage.name, () => {
  it('should write react-admin’s translatable message form', () => {
    expect(fieldErrorMessage({ key: 'validation.required', params: {}, message: 'Required' })).toBe(
      `${RA}{"message":"rabta.validation.required","args":{"_":"Required"}}`,
    );
  });
});
