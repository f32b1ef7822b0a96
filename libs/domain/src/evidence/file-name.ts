/** The longest stored file name (characters): long enough for any real title, short enough for every file system and header. */
export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = '佐证材料';

/**
 * A file name safe to store and to send back in a header: the last path segment only (no
 * ../ or C:\ tricks), no control characters or <>:"/\|?*, no leading dots, trimmed, at most
 * 120 characters (the extension kept), and the extension of the detected type when the
 * given one is not it (报告.exe that is a PDF becomes 报告.exe.pdf — its name never lies).
 */
export function sanitizeFileName(name: string | null | undefined, extension: string): string {
  const lastSegment = (name ?? '').split(/[\\/]/).pop() ?? '';
  let clean = lastSegment
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F-\u009F<>:"|?*\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean === '') clean = FALLBACK_NAME;
  const dot = clean.lastIndexOf('.');
  const given = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  const sameType = given === extension || (extension === 'jpg' && given === 'jpeg');
  let stem = sameType ? clean.slice(0, dot) : clean;
  const suffix = `.${sameType ? given : extension}`;
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  if ([...stem].length > room) stem = [...stem].slice(0, room).join('').trim();
  return `${stem || FALLBACK_NAME}${suffix}`;
}
