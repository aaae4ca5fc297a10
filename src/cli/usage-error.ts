import { t, type MessageId } from '../i18n/messages.js';

/** A command line that cannot run: a message id, so that it is said in the user's language. */
export class UsageError extends Error {
  constructor(
    readonly id: MessageId,
    readonly values: Record<string, string | number> = {},
  ) {
    super(t('en', id, values));
  }
}
