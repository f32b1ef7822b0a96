import type { Role } from '@duban/domain';
import { COMMON_PASSWORDS } from './common-passwords';

/** Roles a person may hold (`system` is reserved for timers and other automation): the domain's list. */
export { HUMAN_ROLES, type HumanRole } from '@duban/domain';

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

/**
 * The password policy: 8–128 characters, not the username, not one of the most
 * common passwords, not one repeated character or a plain run (12345678, abcdefgh).
 * Length matters more than character classes (NIST SP 800-63B), so none are required.
 */
export function passwordRuleViolation(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return PASSWORD_RULE;
  const lower = password.toLowerCase();
  if (lower === username.toLowerCase()) return 'password must differ from the username';
  if (COMMON_PASSWORDS.has(lower) || isRepeatedOrRun(lower)) return 'this password is too common or too simple; choose a longer phrase that others would not guess';
  return null;
}

/** One character repeated (aaaaaaaa), or a run of consecutive characters up or down (12345678, hgfedcba). */
function isRepeatedOrRun(text: string): boolean {
  const codes = [...text].map((character) => character.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, index) => code - codes[index]!));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!);
}
