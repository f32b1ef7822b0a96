/** Why an account operation was refused; the API maps each code to one HTTP status. */
export type AccountErrorCode =
  | 'invalid_credentials'
  | 'invalid_token'
  | 'account_locked'
  | 'account_disabled'
  | 'wrong_password'
  | 'not_found'
  | 'conflict'
  | 'invalid_input';

export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}
