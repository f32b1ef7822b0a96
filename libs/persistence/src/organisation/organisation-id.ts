import { createHash } from 'node:crypto';

/** Namespace of directory ids (fixed): a seeded jurisdiction or unit has the same uuid on every machine. */
const NAMESPACE = Buffer.from('5d0f3c2a9b1e4f7a8c6d2e1b0a9f8e7d', 'hex');

/** RFC 4122 version-5 uuid of a directory key (jurisdiction:江苏省/南京市, unit:南京市/health…). */
export function organisationId(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const jurisdictionKey = (...path: string[]): string => `jurisdiction:${path.join('/')}`;
export const unitKey = (owner: string, key: string): string => `unit:${owner}/${key}`;
