// Parses records against the schema and words each zod issue for editors (zod's own wording never reaches them).
import type { z } from 'zod';
import { exampleOf, objectShape, schemaAt, valueAt, type FieldMeta } from '../schema-walk';
import { closest, didYouMean, formatPath, quoteList, type ContentProblem, type ContentSource } from './problems';

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a Date object';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'a group of fields { … }' : typeof value;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text in quotes',
  array: 'a list in [ ]',
  object: 'a group of fields in { }',
  boolean: 'true or false',
  number: 'a number',
};

/** Last named segment of a path: `leadPhoto.alt` → `alt`, `tags[2]` → `tags[2]`. */
function fieldName(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (typeof last === 'number') {
    const parent = path.at(-2);
    return typeof parent === 'string' ? `${parent}[${last}]` : `item ${last}`;
  }
  return last === undefined ? 'the record' : String(last);
}

/** Messages for issues no field of the schema words itself. */
const fallbackMessages: z.core.$ZodErrorMap = (issue) => {
  const name = fieldName(issue.path ?? []);
  switch (issue.code) {
    case 'too_small':
      return `${name} is too short or has too few items (at least ${String(issue.minimum)}) — add to it`;
    case 'too_big':
      return `${name} is too long or has too many items (at most ${String(issue.maximum)}) — shorten it`;
    case 'invalid_value':
      return `${name} must be ${quoteList(issue.values.map(String))}`;
    case 'invalid_format':
      return `${name} is not in the expected format (${issue.format}) — see CONTENT.md`;
    default:
      return `${name} is not valid — see CONTENT.md for what it should hold`;
  }
};

/** What one issue is read against: the record's schema and data. */
interface IssueContext {
  root: z.core.$ZodType;
  data: unknown;
}

/** A message for each field an object does not allow: the likeliest meant, else the fields allowed. */
function unknownFieldMessages(issue: z.core.$ZodIssueUnrecognizedKeys, { root, data }: IssueContext) {
  const shape = schemaAt(root, issue.path, data);
  const allowed = Object.keys((shape && objectShape(shape.schema)) ?? {});
  return issue.keys.map((key): [PropertyKey[], string] => {
    const guess = closest(key, allowed);
    return [
      [...issue.path, key],
      guess
        ? `unknown field "${key}" — did you mean "${guess}"? Rename it`
        : `unknown field "${key}" — remove it; the fields allowed here are ${quoteList(allowed)}`,
    ];
  });
}

/** A block (or other tagged group) whose `type` is missing or not one of the options. */
function unknownTypeMessage(issue: z.core.$ZodIssueInvalidUnion, { data }: IssueContext): [PropertyKey[], string] {
  const value = valueAt(data, issue.path);
  const parentPath = issue.path.slice(0, -1);
  const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
  const what = parentPath.at(-2) === 'body' ? 'block type' : fieldName(issue.path);
  if (valueAt(data, parentPath) === null || typeof valueAt(data, parentPath) !== 'object') {
    return [parentPath, `${fieldName(parentPath)} must be a block in { }, e.g. { type: "paragraph", text: "…" }`];
  }
  if (value === undefined) return [issue.path, `${what} is missing — add type: ${quoteList(options)}`];
  return [
    issue.path,
    `${what} ${describeValue(value).replace(/^the text /, '')} is not one of ${quoteList(options)}${didYouMean(String(value), options) || ' — use one of them'}`,
  ];
}

/** A field that is missing, or holds the wrong kind of value: with an example from the schema. */
function wrongTypeMessage(issue: z.core.$ZodIssueInvalidType, { root, data }: IssueContext): string {
  const value = valueAt(data, issue.path);
  const name = fieldName(issue.path);
  const field = schemaAt(root, issue.path, data);
  const meta: FieldMeta = field?.meta ?? {};
  const sample = field && exampleOf(field.schema, meta);
  const example = sample !== undefined ? `, e.g. ${name}: ${sample}` : '';
  if (value === undefined) {
    const hint = meta.description ? ` (${meta.description.replace(/\.$/, '')})` : '';
    return `${name} is missing — add it${example || hint}`;
  }
  const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
  return `${name} must be ${expected}, not ${describeValue(value)}${example ? ` —${example.slice(1)}` : ''}`;
}

/** One issue as [field path, message] pairs (an unknown-fields issue names each field). */
function issueMessages(issue: z.core.$ZodIssue, context: IssueContext): [readonly PropertyKey[], string][] {
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownFieldMessages(issue, context);
    case 'invalid_union':
      if (issue.discriminator) return [unknownTypeMessage(issue, context)];
      break;
    case 'invalid_type':
      return [[issue.path, wrongTypeMessage(issue, context)]];
  }
  return [[issue.path, issue.message]];
}

/** Validates one record against its schema; problems in editors' words. */
export function parseRecord<T>(
  file: string,
  schema: z.ZodType<T>,
  data: unknown,
  prefix: PropertyKey[] = [],
): { data?: T; problems: ContentProblem[] } {
  const result = schema.safeParse(data, { error: fallbackMessages });
  if (result.success) return { data: result.data, problems: [] };
  const context: IssueContext = { root: schema, data };
  return {
    problems: result.error.issues.flatMap((issue) =>
      issueMessages(issue, context).map(([at, message]): ContentProblem => ({
        file,
        field: formatPath([...prefix, ...at]),
        message,
        severity: 'error',
      })),
    ),
  };
}

/** A list of records (authors, sections, tags): each parsed, ids unique. */
export function parseList<T extends { id: string }>(
  source: ContentSource,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): T[] {
  if (!Array.isArray(source.data)) {
    problems.push({
      file: source.file,
      field: '',
      message: 'must export a list of records as its default export, e.g. export default [{ id: "…", … }]',
      severity: 'error',
    });
    return [];
  }
  const out: T[] = [];
  source.data.forEach((record, i) => {
    const result = parseRecord(source.file, schema, record, [i]);
    problems.push(...result.problems);
    if (!result.data) return;
    const other = out.findIndex((r) => r.id === result.data!.id);
    if (other >= 0) {
      problems.push({
        file: source.file,
        field: `[${i}].id`,
        message: `id "${result.data.id}" is already used by record ${other} — ids must be unique`,
        severity: 'error',
      });
    } else out.push(result.data);
  });
  return out;
}
