import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Size and identity of a stored file. */
export interface StoredFile {
  /** Bytes. */
  size: number;
  /** Last modification, for Last-Modified headers. */
  modified: Date;
}

/**
 * Where uploaded images and rendered PDFs live. Keys are content hashes plus an extension
 * (`pdfs/<sha256>.pdf`), so a key never changes meaning and files never need updating in place.
 */
export interface FileStore {
  /** Stores `data` under `key` atomically: readers see the whole file or none of it. */
  put(key: string, data: Buffer): Promise<void>;
  /** The whole file, or null when it does not exist. */
  read(key: string): Promise<Buffer | null>;
  /** Size and date, or null when it does not exist. */
  stat(key: string): Promise<StoredFile | null>;
  /**
   * A stream of the file; call after stat() said it exists. Throws at once for an invalid key; a file
   * that is missing makes the stream emit an error whose `code` is 'ENOENT'. Destroy the stream when
   * the reader goes away early, so its file handle or connection is released.
   */
  stream(key: string): Readable;
  /** Deletes the file; a file that does not exist is no error. Only for working files (`converted/`): PDFs and assets stay. */
  remove(key: string): Promise<void>;
}

const KEY = /^[a-z]+\/[a-f0-9]{64}\.[a-z]{2,4}$/;

/** Checks a key before it touches the file system (no "..", no absolute paths). */
export function assertValidKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid file store key: ${JSON.stringify(key)}`);
}

/** A FileStore in a local directory (one per machine, or a shared volume). */
export class DirectoryFileStore implements FileStore {
  constructor(private readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await fs.open(temp, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (err) {
      // A full disk must not also leave half-written temporary files behind.
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw err;
    }
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async stat(key: string): Promise<StoredFile | null> {
    try {
      const s = await fs.stat(this.pathOf(key));
      return { size: s.size, modified: s.mtime };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  stream(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, key);
  }
}
