import { createHash } from 'node:crypto';

/** Duban's UUID v5 namespace (a fixed random UUID): ids derived from it are stable across runs and machines. */
const NAMESPACE = Buffer.from('7c1d6a4e2f0b4c8e9a3d5b6f1e2d3c4b', 'hex');

/** RFC 4122 version-5 UUID of `name`: the same key always yields the same id, so re-inserting is a no-op. */
export function deterministicUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
