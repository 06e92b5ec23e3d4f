import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The demo merchant's recipients. Each one keeps a single `Idempotency-Key` and a frozen
 * session-create body, so every re-request for that recipient (the SDK's
 * `fetchAuthorizedUrl`, a page reload, a second tab) is an idempotent replay of the same
 * session and never a 13723. Changing locale or theme means starting a new recipient.
 */

/** The person the demo pretends to pay; typed values must match for RVDM to pass. */
export const DEMO_RECIPIENT_INFORMATION = {
  first_name: 'Alex',
  last_name: 'Rivera',
  address_line1: '100 Main Street',
  city: 'Springfield',
  state: 'IL',
  zip_code: '62701',
  email_address: 'alex.rivera@example.com',
  phone_number: '2175550100',
} as const;

/** What the page chooses when it starts a recipient. */
export interface RecipientOptions {
  language_locale_code: string;
  theme_variant: 'light' | 'dark';
  /** The page origin the widget will be framed by (`host_uri`). */
  host_uri: string;
  /** Standalone (webview) mode: where the widget navigates on a final outcome. */
  success_redirect_url?: string;
  error_redirect_url?: string;
}

/** One demo recipient and the request that creates (or replays) its session. */
export interface DemoRecipient {
  id: string;
  idempotencyKey: string;
  participantUniqueId1: string;
  /** The exact create body; never changes, so replays are idempotent. */
  createBody: Readonly<Record<string, unknown>>;
  /** Set once the service answered with a session. */
  sessionIdentifier?: string;
  createdAt: number;
}

/** In-memory registry of demo recipients, oldest dropped beyond `capacity`. */
export class DemoRecipients {
  readonly #recipients = new Map<string, DemoRecipient>();
  readonly #capacity: number;
  #counter = 0;

  constructor(capacity = 1000) {
    this.#capacity = capacity;
  }

  /** Starts a new recipient: a new participant id and a new idempotency key. */
  start(options: RecipientOptions, now = Date.now()): DemoRecipient {
    this.#counter += 1;
    const id = `r${this.#counter}_${randomBytes(6).toString('hex')}`;
    const participantUniqueId1 = `demo-${id}`;
    const createBody: Record<string, unknown> = {
      participant_unique_id1: participantUniqueId1,
      host_uri: options.host_uri,
      language_locale_code: options.language_locale_code,
      theme_variant: options.theme_variant,
      recipient_information: { ...DEMO_RECIPIENT_INFORMATION },
    };
    if (options.success_redirect_url)
      createBody.success_redirect_url = options.success_redirect_url;
    if (options.error_redirect_url) createBody.error_redirect_url = options.error_redirect_url;
    const recipient: DemoRecipient = {
      id,
      idempotencyKey: `demo-${randomUUID()}`,
      participantUniqueId1,
      createBody: Object.freeze(createBody),
      createdAt: now,
    };
    this.#recipients.set(id, recipient);
    while (this.#recipients.size > this.#capacity) {
      const oldest = this.#recipients.keys().next().value as string;
      this.#recipients.delete(oldest);
    }
    return recipient;
  }

  /** The recipient with this id, if the demo still remembers it. */
  get(id: string): DemoRecipient | undefined {
    return this.#recipients.get(id);
  }

  /** Records the session the service created for this recipient. */
  rememberSession(id: string, sessionIdentifier: string): void {
    const recipient = this.#recipients.get(id);
    if (recipient) recipient.sessionIdentifier = sessionIdentifier;
  }
}
