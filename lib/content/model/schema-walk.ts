/**
 * Reads the content schema itself: which sub-schema describes a field path, its description, example and
 * allowed field names. Validation uses it for plain-English messages; CONTENT.md's generator for the
 * field reference. Zod 4 keeps this in `_zod.def` (structure) and the global registry (metadata).
 */
import { z } from 'zod';

type Schema = z.core.$ZodType;
type Def = { type: string; [key: string]: unknown };

export interface FieldMeta {
  description?: string;
  example?: unknown;
}

const defOf = (schema: Schema) => schema._zod.def as unknown as Def;

/** Metadata of a schema and everything it was cloned from (describe/meta clone); the newest wins. */
export function metaOf(schema: Schema | undefined): FieldMeta {
  const chain: Schema[] = [];
  for (let s = schema; s; s = (s._zod as { parent?: Schema }).parent) chain.unshift(s);
  let out: FieldMeta = {};
  for (const s of chain) out = { ...out, ...(z.globalRegistry.get(s) as FieldMeta | undefined) };
  return out;
}

/** Wrappers (optional, default, …) to the schema they wrap, collecting metadata outermost first. */
export function unwrap(schema: Schema): { inner: Schema; meta: FieldMeta; optional: boolean } {
  let meta: FieldMeta = {};
  let optional = false;
  let s = schema;
  for (;;) {
    meta = { ...metaOf(s), ...meta };
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly') {
      optional ||= def.type !== 'nullable';
      s = def.innerType as Schema;
    } else if (def.type === 'pipe') {
      s = def.in as Schema;
    } else {
      return { inner: s, meta, optional };
    }
  }
}

export function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const def = defOf(schema);
  return def.type === 'object' ? (def.shape as Record<string, Schema>) : undefined;
}

/** For a discriminated union: the discriminator, the option for each value, in order. */
export function unionOptions(schema: Schema): { discriminator: string; options: Map<string, Schema> } | undefined {
  const def = defOf(schema);
  if (def.type !== 'union' || typeof def.discriminator !== 'string') return undefined;
  const discriminator = def.discriminator;
  const options = new Map<string, Schema>();
  for (const option of def.options as Schema[]) {
    const literal = objectShape(option)?.[discriminator];
    const values = literal ? (defOf(literal).values as unknown[]) : [];
    for (const value of values) options.set(String(value), option);
  }
  return { discriminator, options };
}

export function arrayElement(schema: Schema): Schema | undefined {
  const def = defOf(schema);
  return def.type === 'array' ? (def.element as Schema) : undefined;
}

export const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );

/**
 * The schema for a field path in `data` (unions resolved by the data's discriminator), with the field's
 * metadata; undefined where the path leaves the schema.
 */
export function schemaAt(
  root: Schema,
  path: readonly PropertyKey[],
  data: unknown,
): { schema: Schema; meta: FieldMeta } | undefined {
  let current = unwrap(root);
  let value = data;
  for (const key of path) {
    let inner = current.inner;
    const union = unionOptions(inner);
    if (union) {
      const option = union.options.get(String(valueAt(value, [union.discriminator])));
      if (!option) return undefined;
      inner = option;
    }
    const next = typeof key === 'number' ? arrayElement(inner) : objectShape(inner)?.[String(key)];
    if (!next) return undefined;
    current = unwrap(next);
    value = valueAt(value, [key]);
  }
  const union = unionOptions(current.inner);
  const option = union?.options.get(String(valueAt(value, [union.discriminator])));
  return { schema: option ?? current.inner, meta: current.meta };
}

/** A value as it would be written in a content file, for "e.g." hints. */
export function asSource(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(asSource).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${asSource(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** An example value for a field, from its metadata or else from its structure. */
export function exampleOf(schema: Schema, meta: FieldMeta): string | undefined {
  if (meta.example !== undefined) return asSource(meta.example);
  const shape = objectShape(schema);
  if (shape) {
    const required = Object.entries(shape).filter(([, s]) => !unwrap(s).optional);
    return `{ ${required.map(([key, s]) => `${key}: ${exampleOf(unwrap(s).inner, unwrap(s).meta) ?? '…'}`).join(', ')} }`;
  }
  const element = arrayElement(schema);
  if (element) {
    const inner = unwrap(element);
    const sample = exampleOf(inner.inner, inner.meta);
    return sample === undefined ? undefined : `[${sample}]`;
  }
  return undefined;
}
