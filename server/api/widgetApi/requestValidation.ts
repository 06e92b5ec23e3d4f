import type * as z from 'zod/mini';
import { WidgetApiFailure } from './widgetApiError';
import { emptyRecord } from '../../http/inputGuard';

/**
 * Parses a body or query with a protocol schema, or throws `invalid_request` whose `fields`
 * maps each failing path (`card_number`, `address.zip_code`) to zod issue codes
 * (`invalid_format`, `too_small`, `unrecognized_key`…). Codes, not messages: the widget
 * translates them, and a message could echo the value.
 */
export function parseOrFail<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = emptyRecord<string[]>();
  const add = (path: string, code: string) => {
    const list = (fields[path] ??= []);
    if (!list.includes(code)) list.push(code);
  };
  for (const issue of parsed.error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, 'unrecognized_key');
    } else {
      add(base || 'body', issue.code);
    }
  }
  throw new WidgetApiFailure('invalid_request', undefined, fields);
}
