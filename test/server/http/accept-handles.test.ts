import http from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { addAcceptHandles } from '../../../server/http/accept-handles';

const get = (port: number) =>
  new Promise<string>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });

describe('addAcceptHandles', () => {
  let server: http.Server;
  let copies: NetServer[] = [];
  beforeEach(async () => {
    server = http.createServer((_req, res) => res.end('answered by the server'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await Promise.all(copies.map((c) => new Promise((resolve) => c.close(resolve))));
    copies = [];
    server.closeAllConnections();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  });

  it('makes the extra handles asked for, each on the same port', async () => {
    copies = await addAcceptHandles(server, 3);
    expect(copies).toHaveLength(3);
    const port = (server.address() as AddressInfo).port;
    for (const copy of copies) expect((copy.address() as AddressInfo).port).toBe(port);
  });

  it('hands what a copy accepts to the server: with the first handle closed, the port is still answered', async () => {
    copies = await addAcceptHandles(server, 1);
    const port = (server.address() as AddressInfo).port;
    // Closing the server stops its own handle accepting; only the copy is left on the socket.
    const closed = new Promise((resolve) => server.close(resolve));
    expect(await get(port)).toBe('answered by the server');
    expect(await get(port)).toBe('answered by the server');
    server.closeAllConnections();
    await Promise.all(copies.map((c) => new Promise((resolve) => c.close(resolve))));
    copies = [];
    await closed;
    // Every descriptor of the socket is closed now: nothing listens on the port.
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('makes none when none are asked for', async () => {
    expect(await addAcceptHandles(server, 0)).toEqual([]);
  });
});
