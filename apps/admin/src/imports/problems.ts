import type { ImportProblem } from '@rabta/domain/interchange';

// Pure (no React): a preview's problem in the user's language. The API sends each problem with a stable key and the
// params it was built from (packages/domain/src/import-problems.ts); the catalogues translate
// `rabta.messages.<key>`, and an unknown key falls back to the API's English message.

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** First strong isolate … pop: a value from the file keeps its own direction inside a sentence of the other. */
const isolate = (v: string | number) => `\u2068${String(v)}\u2069`;

/** A field the schemas refused: worded by the reason's key (packages/domain/src/validation.ts), else as the API did. */
function schemaMessage(raw: Record<string, string | number>, translate: Translate): string {
  const message = String(raw.message);
  return typeof raw.reason === 'string' ? translate(`rabta.${raw.reason}`, { ...raw, _: message }) : message;
}

/** A message the API sent with its key and params (an error body, a warning), in the user's language. */
export function keyedText(
  m: { key?: unknown; params?: unknown; message: string } | undefined,
  translate: Translate,
): string | undefined {
  if (!m) return undefined;
  if (typeof m.key !== 'string' || !m.params || typeof m.params !== 'object') return m.message;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.params as Record<string, unknown>)) params[k] = isolate(String(v));
  return translate(`rabta.messages.${m.key}`, { ...params, _: m.message });
}

export function problemText(problem: ImportProblem, translate: Translate, fieldLabel: (field: string) => string) {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(problem.params ?? {})) params[k] = isolate(v);
  const raw = problem.params ?? {};
  if (typeof raw.field === 'string') params.label = isolate(fieldLabel(raw.field));
  if (problem.key === 'import.stage_by_status_update' && typeof raw.current === 'string')
    params.current = translate(`enums.stage.${raw.current}`, { _: raw.current });
  if (problem.key === 'import.health_by_status_update' && typeof raw.current === 'string')
    params.current = translate(`enums.health.${raw.current}`, { _: raw.current });
  if (problem.key === 'import.invalid' && typeof raw.message === 'string')
    params.message = schemaMessage(raw, translate);
  if (!problem.key) return problem.message;
  return translate(`rabta.messages.${problem.key}`, { ...params, _: problem.message });
}

/** The column a problem names: the header as the file has it, or for a missing column the field's label. */
export function problemColumn(problem: ImportProblem, fieldLabel: (field: string) => string): string {
  const field = problem.params?.field;
  return problem.key === 'import.required_column' && typeof field === 'string' ? fieldLabel(field) : problem.column;
}
