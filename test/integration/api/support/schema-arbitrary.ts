import fc from 'fast-check';
import type { JsonSchema } from '../../../../contract/openapi/openapi-types.ts';

/**
 * fast-check arbitraries from the spec's JSON Schemas (the subset openapi.yml uses). With `wrongness` > 0,
 * each node is sometimes replaced by arbitrary JSON and objects sometimes lose required or gain unknown
 * properties, so that generated bodies sit near and across the contract's edges.
 */
export function arbitraryFor(
  schema: JsonSchema,
  schemas: Record<string, JsonSchema>,
  wrongness: number,
  depth = 0,
): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, schemas, wrongness, depth);
  if (wrongness === 0) return valid;
  return fc.oneof(
    { weight: 12, arbitrary: valid },
    { weight: wrongness, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
}

function validArbitrary(
  schema: JsonSchema,
  schemas: Record<string, JsonSchema>,
  wrongness: number,
  depth: number,
): fc.Arbitrary<unknown> {
  const next = (child: unknown) => arbitraryFor(child as JsonSchema, schemas, wrongness, depth + 1);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop() as string;
    return validArbitrary(schemas[name] as JsonSchema, schemas, wrongness, depth);
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.oneOf)) return fc.oneof(...(schema.oneOf as unknown[]).map(next));
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: num(schema.minimum, -1_000_000), max: num(schema.maximum, 1_000_000) });
    case 'number': {
      // Bounded numbers (privacy's epsilon and delta) mostly within their bounds, as for integers.
      const low = num(schema.minimum ?? schema.exclusiveMinimum, Number.NaN);
      const high = num(schema.maximum, Number.NaN);
      if (!Number.isNaN(low) && !Number.isNaN(high))
        return fc.double({
          min: low,
          max: high,
          noNaN: true,
          minExcluded: schema.exclusiveMinimum !== undefined,
        });
      return fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const constraints = {
        minLength: num(schema.minItems, 0),
        maxLength: Math.min(num(schema.maxItems, 4), 4),
      };
      if (depth > 4) return fc.constant([]);
      return schema.uniqueItems
        ? fc.uniqueArray(next(schema.items), { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(next(schema.items), constraints);
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, unknown>;
      const required = (schema.required ?? []) as string[];
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, next(child)])),
        { requiredKeys: required.filter((name) => name in properties) },
      );
      if (wrongness === 0) return record;
      return fc.oneof(
        { weight: 10, arbitrary: record },
        {
          weight: wrongness,
          arbitrary: fc.record(Object.fromEntries(Object.entries(properties).map(([n, c]) => [n, next(c)])), {
            requiredKeys: [],
          }),
        },
        {
          weight: wrongness,
          arbitrary: fc
            .tuple(record, fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }))
            .map(([value, key, extra]) => ({ ...(value as object), [key]: extra })),
        },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time')
    return fc
      .date({
        min: new Date(Date.now() - 30 * 86_400_000),
        max: new Date(Date.now() + 400 * 86_400_000),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
  if (schema.format === 'uuid') return fc.uuid({ version: 4 });
  if (schema.format === 'uri') return fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 }));
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({
    minLength: num(schema.minLength, 0),
    maxLength: Math.min(num(schema.maxLength, 30), 30),
  });
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
