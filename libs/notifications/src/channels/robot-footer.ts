/**
 * Every robot message ends with this line. DingTalk robots secured by a custom
 * keyword only accept messages containing it: configure the keyword 督办.
 */
export const ROBOT_FOOTER = '—— 督办系统';

/** Body lines without blank ones (markdown renderers treat blank lines inconsistently). */
export function bodyLines(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}
