import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../common/node/local-redis';
import { createTestDatabase } from '../support/test-postgres';
import { builtDist } from '../support/built-dist';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(60_000));

/** Runs the built `npm run admin:create` command (no rebuild, as npm runs it) with only this environment. */
function createAdmin(env: Record<string, string>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = path.join(builtDist(['scripts/create-admin.js']), 'scripts', 'create-admin.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-admin-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run admin:create', () => {
  it('when nothing answers at DATABASE_URL, says in one sentence which PostgreSQL it tried and how to point it at the running one', async () => {
    const url = `postgres://rosette@127.0.0.1:${await freePort()}/rosette`;
    const { code, stdout, stderr } = await createAdmin({ DATABASE_URL: url, DATA_DIR: dataDir }, ['--email', 'agent@example.org', '--org', 'Riverside Labour']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`could not reach PostgreSQL at ${url} (DATABASE_URL;`);
    expect(stderr).toContain(path.join(dataDir, 'postgres', 'password'));
    expect(stderr).toMatch(/Start Rosette first \(npm start\), or run this with the DATABASE_URL and DATA_DIR Rosette runs with/);
    expect(stderr).not.toMatch(/ECONNREFUSED|at .*\.js:\d+/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('makes the first admin in the PostgreSQL at DATABASE_URL, migrating it first', async () => {
    const database = await createTestDatabase();
    try {
      const { code, stdout, stderr } = await createAdmin({ DATABASE_URL: database.url, DATA_DIR: dataDir }, ['--email', 'agent@example.org', '--org', 'Riverside Labour']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/agent@example\.org/);
    } finally {
      await database.cleanup();
    }
  });
});
