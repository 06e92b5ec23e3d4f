import * as z from 'zod/mini';
import { PROTOCOL_NAMESPACE, PROTOCOL_VERSION } from './constants';

/**
 * Fields every postMessage of ours carries. Checked first, so that traffic from other
 * libraries on the page (or another protocol version) is dropped before anything else.
 */
export const envelopeShape = {
  namespace: z.literal(PROTOCOL_NAMESPACE),
  version: z.literal(PROTOCOL_VERSION),
};

/** The namespace and version, ready to spread into an outgoing message. */
export const ENVELOPE = { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION } as const;
