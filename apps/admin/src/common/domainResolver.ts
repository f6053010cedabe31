import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { translateServerMessage } from '../providers/serverMessages';

/**
 * A react-hook-form resolver from a schema of @rabta/domain, so a form is checked by the very schema the API checks
 * its body with. The schema may start with a transform from the form's values to the API's body
 * (`z.custom<Values>().transform(toBody).pipe(CreateXSchema)`): issues are then keyed by the body's paths, and the
 * submit handler receives the parsed body. Messages are mapped to catalogue keys as the server's are.
 */
export function domainResolver<Values extends FieldValues, Body>(
  schema: z.ZodType<Body, Values>,
): Resolver<Values, unknown, Body> {
  const resolve = zodResolver(schema as never) as unknown as Resolver<Values, unknown, Body>;
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    translateMessages(result.errors);
    return result;
  };
}

/** Every `message` in the tree of errors (paths nest: `quotes.12`), leaving the inputs' `ref`s alone. */
function translateMessages(node: FieldErrors | Record<string, unknown>): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref' || !value || typeof value !== 'object') continue;
    const child = value as Record<string, unknown>;
    if (typeof child.message === 'string') child.message = translateServerMessage(child.message);
    translateMessages(child);
  }
}
