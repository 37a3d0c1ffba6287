import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { describeFileStoreContract, freshKey } from './file-store-contract';

describeFileStoreContract('DirectoryFileStore', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-files-'));
  return { store: new DirectoryFileStore(dir), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
});

describe('DirectoryFileStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-files-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no temporary files behind after concurrent writes', async () => {
    const store = new DirectoryFileStore(dir);
    const key = freshKey();
    await Promise.all(Array.from({ length: 5 }, (_, i) => store.put(key, Buffer.alloc(1000, i))));
    expect(fs.readdirSync(path.join(dir, 'pdfs'))).toEqual([path.basename(key)]);
  });

  it('leaves no temporary file behind when a write fails', async () => {
    const store = new DirectoryFileStore(dir);
    const key = freshKey();
    // A folder where the file should go makes the final rename fail.
    fs.mkdirSync(path.join(dir, key), { recursive: true });
    await expect(store.put(key, Buffer.from('x'))).rejects.toThrow();
    expect(fs.readdirSync(path.join(dir, 'pdfs'))).toEqual([path.basename(key)]);
  });
});
