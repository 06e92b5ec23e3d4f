import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, transition } from './transition';
import type { FlowEvent, FlowState } from './state';

const attempts = {
  recipient_verification_remaining: 3,
  account_verification_remaining: 3,
  session_remaining: 5,
};
const fewer = {
  recipient_verification_remaining: 2,
  account_verification_remaining: 3,
  session_remaining: 4,
};
const account = { last4: '5556', display: '•••• 5556', brand: 'visa' } as const;

const entry: FlowState = {
  page: 'account_entry',
  destination: 'debit',
  choosingDestination: false,
  failure: null,
  serverFieldErrors: {},
  attempts,
};
const confirmation: FlowState = { page: 'confirmation', destination: 'debit', account, attempts };
const terminal: FlowState = {
  page: 'terminal_failure',
  destination: 'debit',
  feature: 'recipient_verification',
  acknowledged: false,
};

const table: [string, FlowState, FlowEvent, FlowState][] = [
  [
    'loading + session_started → account entry',
    INITIAL_STATE,
    { type: 'session_started', destination: 'debit', attempts },
    entry,
  ],
  [
    'loading + session_failed → session error',
    INITIAL_STATE,
    { type: 'session_failed', error: 'url_used' },
    { page: 'session_error', error: 'url_used' },
  ],
  [
    'account entry + rejected → field errors, same page',
    entry,
    { type: 'account_rejected', fieldErrors: { card_number: 'fields.card_number.not_debit_card' } },
    { ...entry, serverFieldErrors: { card_number: 'fields.card_number.not_debit_card' } },
  ],
  [
    'account entry + non-terminal failure → failure shown with fewer attempts',
    entry,
    {
      type: 'verification_failed',
      feature: 'recipient_verification',
      code: '1105',
      terminal: false,
      attempts: fewer,
      mismatchedFields: ['last_name'],
    },
    {
      ...entry,
      attempts: fewer,
      failure: { feature: 'recipient_verification', code: '1105', mismatchedFields: ['last_name'] },
    },
  ],
  [
    'account entry + terminal failure → terminal failure page',
    entry,
    {
      type: 'verification_failed',
      feature: 'recipient_verification',
      code: '1105',
      terminal: true,
      attempts: fewer,
      mismatchedFields: [],
    },
    terminal,
  ],
  [
    'account entry + verified → confirmation',
    entry,
    { type: 'account_verified', account, attempts },
    confirmation,
  ],
  [
    'account entry + max attempts → max attempts page',
    entry,
    { type: 'max_attempts_exceeded' },
    { page: 'max_attempts_exceeded' },
  ],
  [
    'confirmation + tokenized → success',
    confirmation,
    { type: 'tokenized', account },
    { page: 'success', destination: 'debit', account },
  ],
  [
    'confirmation + canceled → canceled',
    confirmation,
    { type: 'canceled' },
    { page: 'canceled', destination: 'debit' },
  ],
  [
    'account entry + canceled → canceled',
    entry,
    { type: 'canceled' },
    { page: 'canceled', destination: 'debit' },
  ],
  [
    'confirmation + different method → account entry with picker open',
    confirmation,
    { type: 'different_method_requested' },
    { ...entry, choosingDestination: true },
  ],
  [
    'picker + destination changed → entry for the new destination',
    { ...entry, choosingDestination: true },
    { type: 'destination_changed', destination: 'ach' },
    { ...entry, destination: 'ach' },
  ],
  [
    'picker + dismissed → entry unchanged',
    { ...entry, choosingDestination: true },
    { type: 'different_method_dismissed' },
    entry,
  ],
  [
    'terminal failure + acknowledged → acknowledged',
    terminal,
    { type: 'terminal_failure_acknowledged' },
    { ...terminal, acknowledged: true },
  ],
  [
    'confirmation + session_failed (410) → session error',
    confirmation,
    { type: 'session_failed', error: 'session_terminated' },
    { page: 'session_error', error: 'session_terminated' },
  ],
];

describe('flow transition table', () => {
  it.each(table)('%s', (_name, from, event, to) => {
    expect(transition(from, event)).toEqual(to);
  });

  const finals: FlowState[] = [
    { page: 'success', destination: 'debit', account },
    { page: 'canceled', destination: 'debit' },
    { page: 'max_attempts_exceeded' },
    { page: 'session_error', error: 'url_expired' },
  ];
  it.each(finals)('final page $page ignores every later event', (final) => {
    expect(transition(final, { type: 'session_failed', error: 'url_used' })).toBe(final);
    expect(transition(final, { type: 'account_verified', account, attempts })).toBe(final);
  });

  it('an answer that does not apply to the page returns the same state object', () => {
    expect(transition(INITIAL_STATE, { type: 'tokenized', account })).toBe(INITIAL_STATE);
    expect(transition(entry, { type: 'tokenized', account })).toBe(entry);
  });
});
