/**
 * Session-level webhook topics (PRODUCT.md §7). Flow events recorded by the widget API use
 * their `event_name` (`tokenframe.token_success`, …) as the topic.
 */
export const SESSION_TOPICS = {
  CREATED: 'session.created',
  AUTHORIZED_URL_ISSUED: 'session.authorized_url_issued',
  EXPIRED: 'session.expired',
  MOUNTED: 'session.mounted',
  TERMINATED: 'session.terminated',
} as const;

/** Version of the webhook envelope (`metadata.version`). */
export const WEBHOOK_VERSION = '1';
