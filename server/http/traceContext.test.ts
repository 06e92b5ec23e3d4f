import { describe, expect, it } from 'vitest';
import { parseTraceparent } from './traceContext';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('reads the trace and parent ids of a valid header', () => {
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-01`)).toEqual({
      trace_id: TRACE,
      parent_span_id: PARENT,
    });
    // A later version may carry more fields; its ids are still read.
    expect(parseTraceparent(`01-${TRACE}-${PARENT}-00-extra`)).toMatchObject({ trace_id: TRACE });
  });

  it('ignores what the specification says to ignore', () => {
    for (const header of [
      undefined,
      ['a', 'b'],
      '',
      `ff-${TRACE}-${PARENT}-01`,
      `00-${'0'.repeat(32)}-${PARENT}-01`,
      `00-${TRACE}-${'0'.repeat(16)}-01`,
      `00-${TRACE.toUpperCase()}-${PARENT}-01`,
      `00-${TRACE}-${PARENT}-01-extra`,
      `00-${TRACE}-${PARENT}`,
      `00-${TRACE}-${PARENT}-01"} injected`,
    ])
      expect(parseTraceparent(header)).toBeNull();
  });
});
