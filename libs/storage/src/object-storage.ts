import type { Readable } from 'node:stream';

/** What a store knows about one object. */
export interface StoredObjectInfo {
  readonly size: number;
}

/**
 * Where uploaded files live: a local folder by default, an S3-compatible bucket in
 * deployments. Keys are Duban's own (never a user's file name); bodies stream both ways.
 */
export interface ObjectStorage {
  /** Stores `body` (exactly `size` bytes) under `key`, replacing nothing half-written: the object appears whole or not at all. */
  put(key: string, body: Readable, options: { readonly contentType: string; readonly size: number }): Promise<void>;
  /** The object's bytes; StorageObjectNotFound when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** The object's size, or null when there is none. */
  stat(key: string): Promise<StoredObjectInfo | null>;
}

/** Nest injection token of the configured ObjectStorage. */
export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

export class StorageObjectNotFound extends Error {
  override readonly name = 'StorageObjectNotFound';
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
  }
}

/** Keys are ours: lower-case letters, digits and - _ . / in segments, never . or .. (no way out of the folder or bucket prefix). */
const KEY = /^[a-z0-9][a-z0-9_.-]*(?:\/[a-z0-9][a-z0-9_.-]*)*$/;

export function assertStorageKey(key: string): void {
  if (typeof key !== 'string' || key.length > 512 || !KEY.test(key) || key.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new RangeError(`invalid storage key ${JSON.stringify(key)}`);
  }
}
