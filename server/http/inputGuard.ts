import type { FastifyRequest } from 'fastify';

/**
 * The one door for untrusted JSON and the strings in it (PRODUCT.md §10: every input is valid
 * or gets its documented 4xx). Two generic rules instead of one check per field:
 * - JSON objects become null-prototype objects, so a key named after an `Object.prototype`
 *   member (`constructor`, `toString`, `__proto__`…) is just an unknown key, never an
 *   inherited function that a lookup like `errors[key] ??= []` stumbles on.
 * - A string PostgreSQL cannot store (a NUL byte, a lone UTF-16 surrogate) is refused before
 *   any handler runs, wherever it sits: body, query, path or a nested key.
 */

/** Thrown by {@link parseUntrustedJson} when the text is not JSON. */
export class MalformedJson extends Error {
  override readonly name = 'MalformedJson';
  constructor() {
    super('malformed JSON');
  }
}

/**
 * Parses JSON into null-prototype objects (arrays stay arrays). Own `__proto__` keys survive
 * as plain data, so schemas report them as unknown fields.
 */
export function parseUntrustedJson(text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MalformedJson();
  }
  // JSON.parse defines every key as an own data property (a `__proto__` key included), so
  // dropping the prototypes afterwards gives the same objects as a reviver that copies each
  // one into `Object.create(null)`, at a fraction of the cost on every create.
  withoutPrototypes(json);
  return json;
}

function withoutPrototypes(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) withoutPrototypes(child);
    return;
  }
  Object.setPrototypeOf(node, null);
  for (const key in node) withoutPrototypes((node as Record<string, unknown>)[key]);
}

/** An empty map keyed by untrusted names (field paths, query keys): no inherited members. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A string PostgreSQL's `text` cannot hold: a NUL byte (rejected by the server) or a lone
 * surrogate (not encodable as UTF-8).
 */
export function isUnstorableString(value: string): boolean {
  return UNSTORABLE.test(value);
}

/** NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The dotted path of the first unstorable string (a value or a key) in `value`, or `null`.
 * `base` names the container (`body`, `query`, `path`) when the offender is at its top level.
 */
export function findUnstorableString(value: unknown, base: string): string | null {
  const visit = (node: unknown, path: string, depth: number): string | null => {
    if (typeof node === 'string') return isUnstorableString(node) ? path : null;
    // JSON nesting in a 16 KiB body is shallow; a deep one is refused rather than recursed.
    if (node === null || typeof node !== 'object') return null;
    if (depth > 64) return path;
    for (const [key, child] of Object.entries(node)) {
      const childPath = path === base ? key : `${path}.${key}`;
      if (isUnstorableString(key)) return path;
      const found = visit(child, childPath, depth + 1);
      if (found !== null) return found;
    }
    return null;
  };
  return visit(value, base, 0);
}

/**
 * {@link findUnstorableString} for a value parsed from JSON `text`, which skips the walk when
 * the text cannot hold such a string: every string and key of the value is then spelled out
 * literally in the text (JSON can only write NUL or a lone surrogate as a `\u` escape).
 */
export function findUnstorableStringInJson(
  text: string,
  json: unknown,
  base: string,
): string | null {
  if (!text.includes('\\u') && !UNSTORABLE.test(text)) return null;
  return findUnstorableString(json, base);
}

/** The Session API's field message for a NUL byte or a lone surrogate. */
export const UNSTORABLE_MESSAGE = 'The field contains a NUL byte or an invalid Unicode character.';

/** Where in a request an unstorable string was found: `{ "<field path>": "unstorable_text" }`. */
export class UnstorableInput extends Error {
  override readonly name = 'UnstorableInput';
  readonly statusCode = 400;
  constructor(readonly field: string) {
    super('request contains text that cannot be stored');
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by {@link CATCH_ALL_ROUTE}. */
    answersOnlyNotFoundOrMethod?: boolean;
  }
}

/**
 * Route options of an API's catch-all, which answers only 404 or 405 and stores nothing: a
 * known path asked with the wrong method gets its 405 whatever the rest of the request holds.
 */
export const CATCH_ALL_ROUTE = { config: { answersOnlyNotFoundOrMethod: true } } as const;

/**
 * A hook for a plugin (`preValidation` or, where authentication must come first, a later
 * `preHandler`): throws {@link UnstorableInput} for an unstorable string in the path
 * parameters, the query or the parsed body. Each API's error handler answers it in its own
 * 400 shape. An API's catch-all ({@link CATCH_ALL_ROUTE}) is left alone.
 */
export async function refuseUnstorableInput(request: FastifyRequest): Promise<void> {
  if (request.routeOptions.config.answersOnlyNotFoundOrMethod) return;
  const found =
    findUnstorableString(request.params, 'path') ??
    findUnstorableString(request.query, 'query') ??
    (Buffer.isBuffer(request.body) ? null : findUnstorableString(request.body, 'body'));
  if (found !== null) throw new UnstorableInput(found);
}
