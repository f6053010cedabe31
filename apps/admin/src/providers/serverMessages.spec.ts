import { translateServerMessage } from './serverMessages';

describe(translateServerMessage.name, () => {
  it("should turn the schemas' messages into catalogue keys, with their arguments", () => {
    expect(translateServerMessage('Required')).toBe('rabta.validation.required');
    expect(translateServerMessage('At most 300 characters')).toBe(
      '@@react-admin@@{"message":"rabta.validation.at_most","args":{"max":300}}',
    );
    expect(translateServerMessage('Must be an http(s) URL')).toBe('rabta.validation.url');
    expect(translateServerMessage('Must be in the future')).toBe('rabta.validation.future');
  });

  it('should leave a message it does not know as it is', () => {
    expect(translateServerMessage('Something specific')).toBe('Something specific');
  });
});
