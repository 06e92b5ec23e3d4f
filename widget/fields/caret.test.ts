import { describe, expect, it } from 'vitest';
import { caretAfterReformat } from './caret';

describe('caretAfterReformat', () => {
  it.each([
    // typed value with | at the caret → formatted value with | where the caret goes
    ['4000 059|566 5566', '4000 059|5 6655 66'],
    ['40005|', '4000 5|'],
    ['|4000 0566', '|4000 0566'],
    ['4000 |0566', '4000| 0566'],
    ['4000 05x|66', '4000 05|66'],
    ['٤٠٠٠٥|', '4000 5|'],
    ['4000 0566 5566 5556 7777|', '4000 0566 5566 5556 777|'],
  ])('%s → %s', (typedWithCaret, expected) => {
    const caret = typedWithCaret.indexOf('|');
    const typed = typedWithCaret.replace('|', '');
    const formatted = expected.replace('|', '');
    expect(caretAfterReformat(typed, caret, formatted)).toBe(expected.indexOf('|'));
  });
});
