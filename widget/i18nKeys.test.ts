import { describe, expect, it } from 'vitest';
import {
  CARD_BRANDS,
  FUNDING_DESTINATIONS,
  SESSION_ERROR_CODES,
  VERIFICATION_FEATURES,
} from '../protocol';
import enUS from '../locales/en-US.json';

/**
 * Every key the widget can ask for exists in en-US, the file translators start from. Static
 * keys are read from the source; keys built at run time are listed by their families.
 */
const SOURCES = import.meta.glob<string>(
  ['./**/*.ts', './**/*.tsx', '!./**/*.test.ts', '!./**/*.test.tsx', '!./testing/**'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

function lookup(key: string): unknown {
  let node: unknown = enUS;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** A key exists as a string, or as a plural family (`_one` / `_other`). */
function exists(key: string): boolean {
  return (
    typeof lookup(key) === 'string' ||
    (typeof lookup(`${key}_one`) === 'string' && typeof lookup(`${key}_other`) === 'string')
  );
}

const KEY_PATTERN =
  /['"`]((?:app|language|destination|brand|account|status|common|loading|session_error|account_entry|fields|confirmation|success|terminal_failure|max_attempts_exceeded|canceled)\.[a-z0-9_.]+)['"`]/g;

describe('en-US key coverage', () => {
  it('contains every static key the widget source uses', () => {
    const used = new Set<string>();
    for (const source of Object.values(SOURCES))
      for (const match of source.matchAll(KEY_PATTERN)) used.add(match[1]!);
    expect(used.size).toBeGreaterThan(40);
    // A group named in a comment (`fields.card_number`) is a namespace, not a key.
    const groups = (key: string) => typeof lookup(key) === 'object';
    expect([...used].filter((key) => !groups(key) && !exists(key))).toEqual([]);
  });

  it('contains every key built at run time', () => {
    const destinations = Object.values(FUNDING_DESTINATIONS);
    const dynamic = [
      ...SESSION_ERROR_CODES.flatMap((code) => [
        `session_error.${code}.heading`,
        `session_error.${code}.body`,
      ]),
      ...destinations.map((destination) => `destination.${destination}`),
      ...destinations.map((destination) => `account_entry.heading_${destination}`),
      ...CARD_BRANDS.map((brand) => `brand.${brand}`),
      ...VERIFICATION_FEATURES.map((feature) => `terminal_failure.${feature}`),
      ...[
        'first_name',
        'last_name',
        'address_line1',
        'address_line2',
        'city',
        'state',
        'zip_code',
      ].map((field) => `fields.${field}.label`),
      ...['checking', 'savings'].flatMap((type) => [
        `account.${type}`,
        `fields.account_type.${type}`,
      ]),
      ...['required', 'incomplete', 'invalid'].flatMap((problem) => [
        `fields.card_number.${problem}`,
        `fields.routing_number.${problem}`,
      ]),
      ...['required', 'invalid', 'expired'].map((problem) => `fields.expiration.${problem}`),
    ];
    expect(dynamic.filter((key) => !exists(key))).toEqual([]);
  });

  it('uses only {{name}} placeholders, so translators see the same set everywhere', () => {
    const text = JSON.stringify(enUS);
    const placeholders = new Set(
      Array.from(text.matchAll(/\{\{([^}]+)\}\}/g), (match) => match[1]),
    );
    expect([...placeholders].sort()).toEqual([
      'bank',
      'biller',
      'brand',
      'brands, list',
      'count, number',
      'fields, list',
      'first',
      'language',
      'last',
      'last4',
    ]);
  });
});
