// What a story's fields may hold before the schema vouches for them: the rules also run on a story that failed it.
import { SLUG_PATTERN, type StoryRecord } from '@/content/schema';

/** A story as loaded: the parsed record if it passed the schema, else its raw data, field by field. */
export type LooseStory = Partial<Record<keyof StoryRecord, unknown>>;

export const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object';

export const isSlug = (value: unknown): value is string => typeof value === 'string' && SLUG_PATTERN.test(value);

/** An ISO time with an offset that parses. */
export const isTime = (value: unknown): value is string =>
  typeof value === 'string' && /[zZ]|[+-]\d\d:\d\d$/.test(value) && !Number.isNaN(Date.parse(value));

/** A text field's trimmed words; '' for anything else. */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
