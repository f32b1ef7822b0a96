import { ROLES, type Role } from '@duban/domain';

/** Roles a person may hold; `system` is reserved for timers and other automation. */
export const HUMAN_ROLES = ROLES.filter((role): role is Exclude<Role, 'system'> => role !== 'system');
export type HumanRole = (typeof HUMAN_ROLES)[number];

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,31}$/;
export const USERNAME_RULE = 'username must be 3–32 characters: lower-case letters, digits, "_", "." or "-", starting with a letter or digit';
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_RULE = `password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters long`;

/** Usernames are matched case-insensitively: they are stored and looked up in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The cross-field rule DTOs cannot express: unit staff act for at least one unit. */
export function unitsRuleViolation(role: Role, unitIds: readonly string[]): string | null {
  if (role === 'unit_staff' && unitIds.length === 0) return 'unit_staff users need at least one unit in unitIds';
  return null;
}

export function passwordRuleViolation(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return PASSWORD_RULE;
  if (password.toLowerCase() === username.toLowerCase()) return 'password must differ from the username';
  return null;
}
