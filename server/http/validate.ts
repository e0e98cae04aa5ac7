import type { Context } from 'hono';
import type { z } from 'zod';
import { describeIssues } from '../sync/push-context';
import { ApiError } from './api-error';

/** The JSON body parsed with `schema`, or a 400 that says which field is wrong. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await (c.get('body') ?? c.req.json());
  } catch (error) {
    throw new ApiError('invalid_request', 'the request body is not JSON: send a JSON object with Content-Type: application/json', { cause: error });
  }
  return parseInput(schema, body);
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError('invalid_request', `the request is not valid: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** Every response is checked against its schema too: a server bug answers 500, never malformed data. */
export function reply<S extends z.ZodType>(c: Context, schema: S, body: z.input<S>, status: 200 | 201 = 200): Response {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`response does not match its schema: ${describeIssues(parsed.error.issues)}`);
  return c.json(parsed.data as object, status);
}
