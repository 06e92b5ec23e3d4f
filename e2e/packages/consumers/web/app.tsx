// The React consumer rendered in Chromium: one TokenframeCapture under StrictMode.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TokenframeCapture } from '@tokenframe/react';

declare global {
  interface Window {
    successes: string[];
    sessionFetches: number;
  }
}
window.successes = [];
window.sessionFetches = 0;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TokenframeCapture
      fundingDestination="debit"
      fetchAuthorizedUrl={async ({ signal }) => {
        window.sessionFetches += 1;
        const response = await fetch('/session', { method: 'POST', signal });
        return (await response.json()) as { authorized_url: string };
      }}
      onSuccess={(event) => window.successes.push(event.customer_account_token)}
      // @ts-expect-error an exit event carries no token
      onExit={(event) => console.log(event.customer_account_token)}
    />
  </StrictMode>,
);
