/** The ids of a W3C Trace Context `traceparent` header, as the request log carries them. */
export interface TraceContext {
  trace_id: string;
  parent_span_id: string;
}

// version "00"-"fe", 32-hex trace id, 16-hex parent id, 2-hex flags; later versions may
// append fields after a dash (W3C Trace Context §3.2.4).
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?$/;

/**
 * Reads `traceparent` so that the service's log lines of a request join the caller's trace
 * (PRODUCT.md §10, like `X-Request-Id`). A malformed header, version `ff`, an all-zero id or
 * a version-00 header with extra fields is ignored, as the specification asks; only ids
 * (hex) ever reach the log.
 */
export function parseTraceparent(header: string | string[] | undefined): TraceContext | null {
  if (typeof header !== 'string') return null;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return null;
  const [, version, traceId, parentId, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (/^0+$/.test(traceId!) || /^0+$/.test(parentId!)) return null;
  return { trace_id: traceId!, parent_span_id: parentId! };
}
