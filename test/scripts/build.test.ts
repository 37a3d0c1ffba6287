import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileServerIfChanged } from '../../scripts/build';
import { clientInputsHash } from '../../scripts/build-client';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(60_000));

let root: string;
const write = (relative: string, text: string, mtime?: Date) => {
  const full = path.join(root, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  if (mtime) fs.utimesSync(full, mtime, mtime);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-build-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('compiling the server side (npm start, npm run build)', () => {
  const EARLIER = new Date('2026-12-01T10:00:00Z');
  const LATER = new Date('2026-12-01T11:00:00Z');

  it('does not start tsc when no source is newer than its last build', () => {
    write('server/main.ts', 'export {};', EARLIER);
    write('dist/.tsbuildinfo', '{}', LATER);
    const lines: string[] = [];
    expect(compileServerIfChanged(root, (l) => lines.push(l))).toBe(false);
    expect(lines).toEqual(['Server code unchanged since its last build: not compiled.']);
  });

  it('runs tsc when a source is newer, and when tsc fails, makes the next start run it again', () => {
    write('dist/.tsbuildinfo', '{}', EARLIER);
    write('server/main.ts', 'export {};', LATER);
    // No tsconfig.build.json in this folder: tsc fails.
    expect(() => compileServerIfChanged(root, () => undefined)).toThrow();
    expect(fs.statSync(path.join(root, 'dist/.tsbuildinfo')).mtimeMs).toBe(0);
  });
});

describe("the browser client's inputs", () => {
  it('change with a client or shared file, not with generated fonts or Node-only code', () => {
    write('client/src/main.tsx', 'a');
    write('common/layout/x.ts', 'b');
    write('common/node/config.ts', 'c');
    write('client/generated-fonts/sans.woff2', 'd');
    const before = clientInputsHash(root);
    write('common/node/config.ts', 'c2');
    write('client/generated-fonts/sans.woff2', 'd2');
    expect(clientInputsHash(root)).toBe(before);
    write('common/layout/x.ts', 'b2');
    expect(clientInputsHash(root)).not.toBe(before);
  });
});
