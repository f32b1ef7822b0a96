import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage } from './local-disk.storage';
import { StorageObjectNotFound } from './object-storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'duban-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('puts, stats, gets and deletes an object by key', async () => {
    const body = '佐证材料 bytes';
    const size = Buffer.byteLength(body);
    await storage.put('evidence/a1/f1', Readable.from([Buffer.from(body)]), { contentType: 'application/pdf', size });
    expect(await storage.stat('evidence/a1/f1')).toEqual({ size });
    expect(await text(await storage.get('evidence/a1/f1'))).toBe(body);
    await storage.delete('evidence/a1/f1');
    expect(await storage.stat('evidence/a1/f1')).toBeNull();
    await expect(storage.get('evidence/a1/f1')).rejects.toBeInstanceOf(StorageObjectNotFound);
    await storage.delete('evidence/a1/f1'); // twice is fine
  });

  it('refuses keys that could leave the folder', async () => {
    for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a//b', 'A/B', 'a\\b', '.hidden', '']) {
      await expect(storage.stat(key)).rejects.toThrow(/invalid storage key/);
      await expect(storage.put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain', size: 1 })).rejects.toThrow(/invalid storage key/);
    }
  });

  it('leaves nothing behind when the body is not the declared size or the stream fails', async () => {
    await expect(storage.put('evidence/a/short', Readable.from([Buffer.from('abc')]), { contentType: 'x', size: 10 })).rejects.toThrow(/expected 10/);
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('evidence/a/broken', failing, { contentType: 'x', size: 10 })).rejects.toThrow(/client went away/);
    expect(await storage.stat('evidence/a/short')).toBeNull();
    expect(await readdir(join(root, 'evidence/a'))).toEqual([]);
  });
});
