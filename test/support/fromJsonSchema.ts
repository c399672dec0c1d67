// fast-check arbitraries shaped by a route's JSON Schema (made from its zod body schema): values of
// the right types, formats, enums and ranges, with ids drawn from records that exist as well as
// random ones, and now and then a value of the wrong kind. Hostile bodies (test/api/writes.fuzz)
// mostly stop at validation; these get past it and reach the handlers and the database.
import fc from 'fast-check';

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

const wrongKind = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 5 }), fc.boolean());
const day = fc.integer({ min: Date.UTC(1925, 0, 1), max: Date.now() }).map((t) => new Date(t).toISOString().slice(0, 10));

function patterned(pattern: string, maxLength: number | undefined): fc.Arbitrary<string> {
  // Common shapes first (dates, P-codes), then whatever the pattern says.
  if (/\\d\{4\}-\\d\{2\}-\\d\{2\}|\[0-9\]\{4\}-/.test(pattern)) return fc.oneof(day, fc.stringMatching(new RegExp(pattern)));
  const arb = fc.stringMatching(new RegExp(pattern));
  return maxLength === undefined ? arb : arb.filter((s) => s.length <= maxLength);
}

export function fromJsonSchema(schema: Schema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const exact = build(schema, ids);
  return fc.oneof({ arbitrary: exact, weight: 9 }, { arbitrary: wrongKind, weight: 1 });
}

function build(s: Schema, ids: readonly string[]): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => build(a, ids)));
  if (s.allOf && s.allOf.length > 0) return build(Object.assign({}, ...s.allOf) as Schema, ids);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uuid') return ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
      if (s.format === 'date-time')
        return fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.now() + 86_400_000 }).map((t) => new Date(t).toISOString());
      if (s.format === 'date') return day;
      if (s.pattern) return patterned(s.pattern, s.maxLength);
      return fc.oneof(
        fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }),
        fc
          .constantFrom('محمد', 'عبد الله', 'PS0260', 'PS0115', '2024-05-01', '970599123456', 'test')
          .filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity)),
      );
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (type === 'integer' ? 1 : 1e-9) : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (type === 'integer' ? 1 : 1e-9) : 100_000);
      return type === 'integer'
        ? fc.integer({ min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(s.items ? build(s.items, ids) : wrongKind, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, build(v, ids)])), { requiredKeys: [...required] });
    }
    default:
      return wrongKind;
  }
}
