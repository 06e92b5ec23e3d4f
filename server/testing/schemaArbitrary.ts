import fc from 'fast-check';

/** A JSON Schema node as OpenAPI 3.0/3.1 documents write them. */
export type JsonSchema = Record<string, unknown>;

/**
 * A fast-check arbitrary of values that satisfy `schema` (as far as these keywords go:
 * type, enum, const, properties/required, items, min/max lengths and bounds, pattern,
 * date-time, anyOf/oneOf, nullable, $ref into `root`). Unknown shapes fall back to any JSON.
 */
export function arbitraryOf(
  schema: JsonSchema,
  root: JsonSchema,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (typeof schema.$ref === 'string')
    return arbitraryOf(resolve(schema.$ref, root), root, depth + 1);
  const nullable = schema.nullable === true;
  const wrap = (arb: fc.Arbitrary<unknown>) => (nullable ? fc.option(arb, { nil: null }) : arb);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return wrap(fc.constantFrom(...(schema.enum as unknown[])));
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives)
    return wrap(fc.oneof(...alternatives.map((s) => arbitraryOf(s, root, depth + 1))));
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (type.length > 1)
    return fc.oneof(...type.map((t) => arbitraryOf({ ...schema, type: t }, root, depth + 1)));
  switch (type[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return wrap(fc.boolean());
    case 'integer':
    case 'number': {
      const min = (schema.minimum as number | undefined) ?? -1e6;
      const max = (schema.maximum as number | undefined) ?? 1e6;
      return wrap(
        type[0] === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }),
      );
    }
    case 'string': {
      if (schema.format === 'date-time')
        return wrap(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
      if (typeof schema.pattern === 'string')
        return wrap(fc.stringMatching(new RegExp(schema.pattern as string)));
      return wrap(
        fc.string({
          unit: 'grapheme',
          minLength: (schema.minLength as number | undefined) ?? 0,
          maxLength: Math.min((schema.maxLength as number | undefined) ?? 40, 200),
        }),
      );
    }
    case 'array':
      return wrap(
        fc.array(arbitraryOf((schema.items as JsonSchema) ?? {}, root, depth + 1), {
          minLength: (schema.minItems as number | undefined) ?? 0,
          maxLength: Math.min((schema.maxItems as number | undefined) ?? 4, 4),
        }),
      );
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      return wrap(
        fc.record(
          Object.fromEntries(
            Object.entries(properties).map(([name, s]) => [name, arbitraryOf(s, root, depth + 1)]),
          ),
          { requiredKeys: required.filter((name) => name in properties) },
        ),
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function resolve(ref: string, root: JsonSchema): JsonSchema {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as JsonSchema)?.[part];
  return (node ?? {}) as JsonSchema;
}
