import {
  accountOutcomeSchema,
  accountSubmissionSchema,
  type AccountOutcome,
  type AccountSubmission,
} from '../../protocol/accountSubmission';
import type { WidgetApiClient } from '../api';

/**
 * Sends the account the recipient typed; the outcome says what page comes next. It lives in
 * the chunk after READY because its schemas carry every field rule and US state code, which
 * nothing needs before the form is submitted (the boot-set budget, PRODUCT.md §6 and §2).
 */
export function sendAccount(
  api: WidgetApiClient,
  submission: AccountSubmission,
): Promise<AccountOutcome> {
  return api.postAccount(submission, accountSubmissionSchema, accountOutcomeSchema);
}
