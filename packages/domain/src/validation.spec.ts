import { z } from 'zod';
import { keyOfIssue, keyOfMessage } from './validation';
import { CreateSectorSchema, DateSchema } from './index';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues.map(keyOfIssue);
};

describe(keyOfIssue.name, () => {
  it('should key a too-long, a too-short and a missing text by what was wrong, with its limit', () => {
    const schema = z.strictObject({ a: z.string().max(5), b: z.string().min(3), c: z.string() });
    expect(issuesOf(schema, { a: 'toolong', b: 'x' })).toEqual([
      { key: 'validation.at_most', params: { max: 5 }, message: expect.any(String) },
      { key: 'validation.at_least', params: { min: 3 }, message: expect.any(String) },
      { key: 'validation.required', params: {}, message: expect.any(String) },
    ]);
  });

  it("should keep the schema's own English message beside the key", () => {
    const [date] = issuesOf(DateSchema, '10 July');
    expect(date).toEqual({ key: 'validation.date', params: {}, message: 'Must be a date as YYYY-MM-DD' });
  });

  it('should key unknown fields, options and the fixed sentences of the schemas', () => {
    expect(issuesOf(z.strictObject({}), { x: 1 })[0].key).toBe('validation.unknown_field');
    expect(issuesOf(z.enum(['a', 'b']), 'c')[0].key).toBe('validation.invalid_option');
    const sector = issuesOf(CreateSectorSchema, { code: 'Oil Refining', nameEn: 'Oil', nameUr: 'تیل' });
    expect(sector.map((k) => k.key)).toContain('validation.sector_code');
  });
});

describe(keyOfMessage.name, () => {
  it('should key a fixed sentence whole, and nothing else', () => {
    expect(keyOfMessage('Must not be before the start date')?.key).toBe('validation.date_order');
    expect(keyOfMessage('Must not be before the start date, really')).toBeUndefined();
  });
});
