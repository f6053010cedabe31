import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { issueMessage } from '../providers/fieldErrors';

/**
 * A react-hook-form resolver from a schema of @rabta/domain, so a form is checked by the very schema the API checks
 * its body with. The schema may start with a transform from the form's values to the API's body
 * (`z.custom<Values>().transform(toBody).pipe(CreateXSchema)`): issues are then keyed by the body's paths, and the
 * submit handler receives the parsed body. Each issue is worded by its key, as the server keys its own
 * (packages/domain/src/validation.ts).
 */
export function domainResolver<Values extends FieldValues, Body>(
  schema: z.ZodType<Body, Values>,
): Resolver<Values, unknown, Body> {
  const resolve = zodResolver(schema as never) as unknown as Resolver<Values, unknown, Body>;
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    if (Object.keys(result.errors).length > 0) {
      const parsed = await schema.safeParseAsync(values);
      const byPath = new Map<string, string>();
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const path = issue.path.join('.');
        if (!byPath.has(path)) byPath.set(path, issueMessage(issue));
      }
      keyMessages(result.errors, [], byPath);
    }
    return result;
  };
}

/** Every `message` in the tree of errors (paths nest: `quotes.12`) by its issue's key; the inputs' `ref`s stay. */
function keyMessages(node: FieldErrors | Record<string, unknown>, path: string[], byPath: Map<string, string>): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref' || !value || typeof value !== 'object') continue;
    const child = value as Record<string, unknown>;
    const at = [...path, key];
    const keyed = byPath.get(at.join('.'));
    if (typeof child.message === 'string' && keyed) child.message = keyed;
    keyMessages(child, at, byPath);
  }
}
