import type { CSSProperties, ReactElement } from 'react';
import { useTokenframe, type UseTokenframeOptions } from './useTokenframe';

/** Props of {@link TokenframeCapture}. */
export interface TokenframeCaptureProps extends UseTokenframeOptions {
  /** Class of the element that holds the iframe. */
  className?: string;
  /** Style of the element that holds the iframe. */
  style?: CSSProperties;
}

/**
 * The Tokenframe widget as a component. Renders an empty `<div>` on the server; the iframe
 * appears after hydration.
 * @example
 * <TokenframeCapture
 *   fundingDestination="debit"
 *   fetchAuthorizedUrl={async () => (await fetch('/api/tokenframe-session', { method: 'POST' })).json()}
 *   onSuccess={(event) => save(event.customer_account_token)}
 *   onExit={(event) => showOtherOptions(event.event_name)}
 * />
 */
export function TokenframeCapture(props: TokenframeCaptureProps): ReactElement {
  const { className, style, ...options } = props;
  const { ref, status } = useTokenframe(options);
  return <div ref={ref} className={className} style={style} data-tokenframe-status={status} />;
}
