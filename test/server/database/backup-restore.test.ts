import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupDatabase, restoreDatabase } from '../../../server/database/backup';
import { CALM } from '../../support/calm-probes';
import { startRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { adminQuery, databaseUrl, type TestDatabase } from '../../support/test-postgres';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-backup-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  expect(recordedLeaks()).toEqual([]);
});

describe('a backup (pg_dump) restored into a fresh database', () => {
  it('brings back accounts and designs: the campaigner signs in and finds their design', async () => {
    const before = await startRosette({}, undefined, CALM);
    const file = path.join(dir, 'rosette.dump');
    let database: TestDatabase;
    const account = await before.createAccount({ organisation: 'Riverside Labour' });
    try {
      const client = await before.signedIn(account);
      const design = ((await (await client.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
      expect((await client.request('/api/designs', { json: { design: { ...design, title: 'Backed-up leaflet' } } })).status).toBe(201);
      database = before.database;
      await backupDatabase(before.database.url, file);
    } finally {
      await before.close();
    }
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    // A fresh, empty database on the same server (no template, no migrations): the restore makes everything.
    const name = `rosette_restored_${process.pid}`;
    await adminQuery(database.serverUrl, `create database ${name}`);
    const restoredUrl = databaseUrl(database.serverUrl, name);
    try {
      await restoreDatabase(restoredUrl, file);
      const after = await startRosette({}, undefined, { ...CALM, databaseUrl: restoredUrl });
      try {
        const client = await after.signedIn(account);
        const list = (await (await client.request('/api/designs')).json()) as { designs: Array<{ title: string }> };
        expect(list.designs.map((d) => d.title)).toEqual(['Backed-up leaflet']);
      } finally {
        await after.close();
      }
    } finally {
      await adminQuery(database.serverUrl, `drop database if exists ${name} with (force)`);
    }
  });
});
