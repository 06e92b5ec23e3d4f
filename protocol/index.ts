// The host↔widget and widget↔service contract. Imports nothing outside this folder.
export * from './constants';
export * from './envelope';
// Types only: the widget checks appearance values in a chunk of its own (applyAppearance).
export type { Appearance, AppearanceVariable } from './appearance';
export * from './account';
export * from './events';
export * from './handshake';
export type { HostConnect } from './hostConnect';
export * from './rpc';
export * from './widgetApi';
// Types only: the schemas stay out of the widget's boot set (see accountSubmission.ts).
export type { AccountOutcome, AccountSubmission, BillingAddress } from './accountSubmission';
export * from './accountNumbers';
// Not the bank directory: the widget downloads it only for an ACH form (widget/fields/bankName.ts),
// which a re-export here would defeat. Import it from './bankDirectory'.
