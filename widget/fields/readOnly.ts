import { createContext } from 'preact';

/**
 * True while the form's answer is awaited: inputs turn read-only so what is being checked is
 * what the recipient sees (and selects and radios, which have no read-only state, disabled).
 */
export const FieldsReadOnly = createContext(false);
