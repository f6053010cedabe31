import Polyglot from 'node-polyglot';
import { IMPORT_ERRORS, IMPORT_FIELDS, IMPORT_PROBLEMS, type ImportProblem } from '@rabta/domain/interchange';
import { en } from '../i18n/en';
import { ur } from '../i18n/ur';
import { keyedText, problemColumn, problemText } from './problems';

const translator = (locale: 'en' | 'ur') => {
  const polyglot = new Polyglot({ locale, phrases: locale === 'en' ? en : ur, allowMissing: true });
  return (key: string, options?: Record<string, unknown>) => polyglot.t(key, options);
};
const fieldLabel = (locale: 'en' | 'ur') => (field: string) => {
  const f = IMPORT_FIELDS.initiatives.find((x) => x.field === field);
  return f ? f[locale] : field;
};
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/** Every problem the API can send, with a value for each of its placeholders. */
const everyProblem = (): ImportProblem[] =>
  (Object.entries(IMPORT_PROBLEMS.templates) as [keyof typeof IMPORT_PROBLEMS.templates, string][]).map(
    ([name, template]) => {
      const params: Record<string, string | number> = {};
      for (const [, p] of template.matchAll(/%\{(\w+)\}/g)) params[p] = p === 'first' ? 3 : `X-${p}`;
      if (name === 'required_column') Object.assign(params, { field: 'code', label: 'Code' });
      const made = IMPORT_PROBLEMS.message(name, params);
      return { row: 1, column: 'Code', ...made };
    },
  );

describe('import problems in the admin', () => {
  it('should say in English exactly what the API says', () => {
    const t = translator('en');
    for (const p of everyProblem().filter((x) => x.key !== 'import.invalid'))
      expect(plain(problemText(p, t, fieldLabel('en')))).toBe(p.message);
  });

  it('should say every problem in Urdu, with its values in it', () => {
    const t = translator('ur');
    for (const p of everyProblem().filter((x) => x.key !== 'import.invalid')) {
      const text = plain(problemText(p, t, fieldLabel('ur')));
      expect(text).toMatch(ARABIC_SCRIPT);
      expect(text).not.toContain('%{');
      for (const [k, v] of Object.entries(p.params))
        if (k !== 'field' && k !== 'label') expect(text).toContain(String(v));
    }
  });

  it('should name fields, stages and schema messages in Urdu too', () => {
    const t = translator('ur');
    const missing = {
      row: 0,
      column: 'Code',
      ...IMPORT_PROBLEMS.message('required_column', { field: 'code', label: 'Code' }),
    };
    expect(problemColumn(missing, fieldLabel('ur'))).toBe('کوڈ');
    expect(plain(problemText(missing, t, fieldLabel('ur')))).toContain('"کوڈ"');
    const stage = {
      row: 2,
      column: 'Stage',
      ...IMPORT_PROBLEMS.message('stage_by_status_update', { current: 'mou_signed' }),
    };
    expect(problemText(stage, t, fieldLabel('ur'))).toContain(ur.enums.stage.mou_signed);
    // The API keys the reason (packages/domain/src/validation.ts); the catalogue words it with its params.
    const required = {
      row: 2,
      column: 'Code',
      ...IMPORT_PROBLEMS.message('invalid', { message: 'Required', reason: 'validation.required' }),
    };
    expect(problemText(required, t, fieldLabel('ur'))).toBe(ur.rabta.validation.required);
    const long = {
      row: 2,
      column: 'Title',
      ...IMPORT_PROBLEMS.message('invalid', { message: 'Too big', reason: 'validation.at_most', max: 300 }),
    };
    expect(problemText(long, t, fieldLabel('ur'))).toContain('300');
    const unknown = { row: 2, column: 'Code', ...IMPORT_PROBLEMS.message('invalid', { message: 'Something new' }) };
    expect(problemText(unknown, t, fieldLabel('ur'))).toBe('Something new');
  });

  it('should say what the API answers about a whole file in either language (error bodies, warnings)', () => {
    for (const [name, template] of Object.entries(IMPORT_ERRORS.templates) as [
      keyof typeof IMPORT_ERRORS.templates,
      string,
    ][]) {
      const params: Record<string, string | number> = {};
      for (const [, p] of template.matchAll(/%\{(\w+)\}/g)) params[p] = `X-${p}`;
      const body = { statusCode: 422, code: 'UNPROCESSABLE', ...IMPORT_ERRORS.message(name, params) };
      expect(plain(keyedText(body, translator('en'))!)).toBe(body.message);
      const urdu = plain(keyedText(body, translator('ur'))!);
      expect(urdu).toMatch(ARABIC_SCRIPT);
      for (const v of Object.values(params)) expect(urdu).toContain(String(v));
    }
    // An error without a key (another module's) is shown as the API says it.
    expect(keyedText({ message: 'As sent' }, translator('ur'))).toBe('As sent');
  });

  it('should fall back to the English message for a key the catalogue does not have', () => {
    const p: ImportProblem = { row: 1, column: 'Code', key: 'import.from_a_newer_api', params: {}, message: 'As sent' };
    expect(problemText(p, translator('ur'), fieldLabel('ur'))).toBe('As sent');
  });
});
