import { describe, expect, it } from 'vitest';
import { describeOutcome } from './scenarioOutcome';
import { SCENARIOS } from './scenarios';

describe('demo scenarios', () => {
  it('have unique ids and a sentence written from their outcome', () => {
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const scenario of SCENARIOS)
      expect(scenario.expected).toBe(describeOutcome(scenario.outcome, scenario.destination));
  });

  it('announce PayPal by email as tokenized and masked, as the sandbox does', () => {
    const email = SCENARIOS.find((s) => s.id === 'paypal-email')!;
    expect(email.testData).toEqual([
      expect.objectContaining({ field: 'PayPal email address', value: 'jane@example.com' }),
    ]);
    expect(email.expected).toContain('Confirmation shows j•••@example.com;');
    expect(email.expected).not.toMatch(/refused|rejected/);
  });

  it('say what an inline rejection means: nothing sent, no attempt', () => {
    const credit = SCENARIOS.find((s) => s.id === 'debit-credit-card')!;
    expect(credit.expected).toBe(
      'Continue shows the error "This is a credit card. Enter a debit card instead." under Card ' +
        'number; nothing is verified, no event is sent and no attempt is counted.',
    );
  });
});
