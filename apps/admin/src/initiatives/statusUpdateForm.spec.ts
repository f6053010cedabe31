import { domainResolver } from '../common/domainResolver';
import { todayIso } from '../common/dates';
import type { PickedSource } from '../evidence/picked';
import {
  emptyStatusUpdate,
  statusUpdateErrorsOf,
  StatusUpdateFormSchema,
  toStatusUpdateBody,
  type StatusUpdateFormValues,
} from './statusUpdateForm';

const source = (id: number, quote = ''): PickedSource => ({
  id,
  title: `Source ${id}`,
  publisher: 'Dawn',
  publishedAt: '2025-07-10',
  language: 'en',
  quote,
});
const values = (over: Partial<StatusUpdateFormValues>): StatusUpdateFormValues => ({
  ...emptyStatusUpdate(),
  effectiveAt: '2025-07-10',
  ...over,
});
const resolve = (v: StatusUpdateFormValues) =>
  domainResolver(StatusUpdateFormSchema)(v, undefined, { fields: {}, shouldUseNativeValidation: false });

describe(toStatusUpdateBody.name, () => {
  it('should send only what was chosen, the notes trimmed and the quotes that are not blank by source id', () => {
    const body = toStatusUpdateBody(
      values({
        toStage: 'under_negotiation',
        note: '  Talks opened.  ',
        noteUr: '   ',
        sources: [source(3, ' a passage '), source(5, '  ')],
      }),
    );
    expect(body).toEqual({
      toStage: 'under_negotiation',
      effectiveAt: '2025-07-10',
      note: 'Talks opened.',
      sourceIds: [3, 5],
      quotes: { '3': 'a passage' },
    });
  });

  it('should take today as now, so the update follows what was recorded earlier today', () => {
    const body = toStatusUpdateBody(values({ effectiveAt: todayIso(), toHealth: 'at_risk', note: 'x' }));
    expect(body.effectiveAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

describe('StatusUpdateFormSchema through domainResolver', () => {
  it("should hand the API's parsed body to the submit when the form is valid", async () => {
    const result = await resolve(values({ toHealth: 'at_risk', note: 'Delayed.', sources: [source(3, 'q')] }));
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      toHealth: 'at_risk',
      effectiveAt: '2025-07-10',
      note: 'Delayed.',
      sourceIds: [3],
      quotes: { '3': 'q' },
    });
  });

  it("should refuse as the API does, under the body's field names, with catalogue keys for known messages", async () => {
    const result = await resolve(values({ note: '   ' }));
    expect(Object.keys(result.errors).sort()).toEqual(['note']);
    // The key (packages/domain/src/validation.ts), with the schema's English message as the fallback.
    expect(JSON.parse(String(result.errors.note?.message).replace('@@react-admin@@', ''))).toEqual({
      message: 'rabta.validation.required',
      args: { _: 'Required' },
    });
    expect(result.values).toEqual({});
  });

  it('should send a development (neither stage nor health) with its sources', async () => {
    const result = await resolve(values({ note: 'Protocol signed', sources: [source(4, 'signed')] }));
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      effectiveAt: '2025-07-10',
      note: 'Protocol signed',
      sourceIds: [4],
      quotes: { '4': 'signed' },
    });
  });

  it('should refuse an effective date that is not a date', async () => {
    const result = await resolve(values({ toHealth: 'at_risk', note: 'x', effectiveAt: '10/07/2025' }));
    expect(Object.keys(result.errors)).toEqual(['effectiveAt']);
  });
});

describe(statusUpdateErrorsOf.name, () => {
  const stageName = (s: string) => `<${s}>`;
  // As the HTTP client throws it (react-admin's HttpError): the message, and the API's body.
  const refused = (body: Record<string, unknown>) => Object.assign(new Error(String(body.message)), { body });

  it('should put an invalid transition beside the stage, naming the stages allowed', () => {
    const { fields, form } = statusUpdateErrorsOf(
      refused({ statusCode: 422, code: 'INVALID_TRANSITION', message: 'No', allowed: ['feasibility', 'cancelled'] }),
      stageName,
    );
    expect(form).toBeUndefined();
    expect(JSON.parse(fields.toStage.replace('@@react-admin@@', ''))).toEqual({
      message: 'rabta.validation.invalid_transition',
      args: { stages: '<feasibility>، <cancelled>' },
    });
  });

  it('should put missing evidence beside the sources, and keep the field errors of the API', () => {
    const { fields } = statusUpdateErrorsOf(
      refused({
        statusCode: 422,
        code: 'EVIDENCE_REQUIRED',
        message: 'A stage change needs at least one source',
        errors: { 'quotes.12': 'Too long', root: { serverError: 'x' } },
      }),
      stageName,
    );
    expect(fields).toEqual({ sourceIds: 'rabta.validation.evidence_required', 'quotes.12': 'Too long' });
  });

  it('should give the whole form the message when no field is to blame', () => {
    expect(
      statusUpdateErrorsOf(refused({ statusCode: 500, code: 'INTERNAL', message: 'Something failed' }), stageName),
    ).toEqual({ fields: {}, form: 'Something failed' });
  });
});
