import * as z from 'zod';

/** What a prompt expects back: a name (sent with json_schema requests and part of the cache key) and a zod schema. */
export interface OutputSchema<T> {
  name: string;
  schema: z.ZodType<T>;
}

export function outputSchema<T>(name: string, schema: z.ZodType<T>): OutputSchema<T> {
  return { name, schema };
}

const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown>>();

/** The JSON Schema sent with `response_format: json_schema` (computed once per schema). */
export function jsonSchemaOf(output: OutputSchema<unknown>): Record<string, unknown> {
  let json = jsonSchemas.get(output.schema);
  if (!json) {
    json = z.toJSONSchema(output.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete json.$schema;
    jsonSchemas.set(output.schema, json);
  }
  return json;
}

/** A zod error as one line a model (or a person) can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('; ');
}
