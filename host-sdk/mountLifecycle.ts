/**
 * Where one plugin's mount stands. A string union driven by a pure {@link transition}, so the
 * rules ("never retry after a terminal outcome", "nothing after destroy") are a table.
 * - `idle`: created, nothing mounted.
 * - `reauthorizing`: waiting for `fetchAuthorizedUrl` (or its backoff) for a fresh URL.
 * - `loading`: iframe inserted, waiting for the widget's `widget_hello`.
 * - `connecting`: port handed over, waiting for READY.
 * - `ready`: the widget is showing the flow.
 * - `finished`: a terminal outcome arrived; never re-requested.
 * - `failed`: gave up (PLUGIN_ERROR); a new `mount` may start again.
 * - `destroyed`: final.
 */
export type MountState =
  | 'idle'
  | 'reauthorizing'
  | 'loading'
  | 'connecting'
  | 'ready'
  | 'finished'
  | 'failed'
  | 'destroyed';

/**
 * What can happen to a mount.
 * - `mount` / `mount_expired`: `mount()` with a fresh / an already expired URL.
 * - `hello`: a valid `widget_hello` from our iframe. `ready`: READY over the port.
 * - `recoverable`: expired or used URL, load or handshake failure, TERMINAL_FAILURE_ACKNOWLEDGED.
 * - `authorized`: a fresh URL arrived. `terminal`: TOKEN_SUCCESS, cancel, max attempts, final
 *   session error. `give_up`: limit reached or nothing to re-request with. `destroy`.
 */
export type MountEvent =
  | 'mount'
  | 'mount_expired'
  | 'hello'
  | 'ready'
  | 'recoverable'
  | 'authorized'
  | 'terminal'
  | 'give_up'
  | 'destroy';

const LIVE: readonly MountState[] = ['loading', 'connecting', 'ready'];

/** The next state; returning `state` unchanged means "ignore this event". */
export function transition(state: MountState, event: MountEvent): MountState {
  if (state === 'destroyed') return state;
  switch (event) {
    case 'destroy':
      return 'destroyed';
    case 'mount':
      return 'loading';
    case 'mount_expired':
      return 'reauthorizing';
    case 'hello':
      return state === 'loading' ? 'connecting' : state;
    case 'ready':
      return state === 'connecting' ? 'ready' : state;
    case 'recoverable':
      return LIVE.includes(state) ? 'reauthorizing' : state;
    case 'authorized':
      return state === 'reauthorizing' ? 'loading' : state;
    case 'terminal':
      return LIVE.includes(state) ? 'finished' : state;
    case 'give_up':
      return state === 'reauthorizing' || LIVE.includes(state) ? 'failed' : state;
  }
}
