import { spawn } from 'node:child_process';
import net, { type Server } from 'node:net';

/**
 * The helper that copies the handle: it receives the listening socket's raw handle over its IPC channel
 * (a raw handle, not a net.Server, so it never accepts a connection itself) and sends it back `count`
 * times; each message carries the socket as a file descriptor (SCM_RIGHTS), so each arrives here as a
 * new descriptor of the same socket. Then it closes its own copy and leaves.
 */
const ECHO_HANDLE = `process.on('message', (m, handle) => {
  let sent = 0;
  for (let i = 0; i < m.count; i++) process.send({ copy: i }, handle, () => {
    if (++sent === m.count) { handle.close(); process.disconnect(); }
  });
});`;

/** How long the helper may take to send the copies back, milliseconds (then the server goes on with what it has). */
const COPY_TIMEOUT_MS = 10_000;

/** A raw listening handle (node's TCP wrap), as child_process sends it: what net.Server keeps in `_handle`. */
type RawHandle = object;

/**
 * Gives a listening server `extra` more handles on its listening socket, each passing the connections
 * it accepts to the server ('connection'), so that it accepts up to 1 + `extra` connections per turn of
 * its event loop instead of one. Node accepts one connection per handle per turn (libuv#3696); in a
 * flood a turn of a server's loop takes tens of milliseconds, so a new connection (a volunteer's
 * download) waited in the kernel's accept queue behind hundreds of the flood's, for seconds. The copies
 * are file descriptors of the same socket (one accept queue, one backlog), made by a short-lived helper
 * process, as Node has no dup(). Resolves with the copies, to be closed with the server: fewer (none)
 * if the helper fails, and the server still serves, accepting at the old pace.
 */
export function addAcceptHandles(server: Server, extra: number): Promise<Server[]> {
  const raw = (server as Server & { _handle?: RawHandle | null })._handle;
  if (extra <= 0 || !raw) return Promise.resolve([]);
  return new Promise((resolve) => {
    const copies: Server[] = [];
    let finished = false;
    const helper = spawn(process.execPath, ['-e', ECHO_HANDLE], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (helper.exitCode === null && helper.signalCode === null) helper.kill();
      resolve(copies);
    };
    const timer = setTimeout(done, COPY_TIMEOUT_MS);
    helper.on('message', (_message, handle) => {
      if (!handle) return;
      const copy = net.createServer();
      copy.on('connection', (socket) => server.emit('connection', socket));
      copy.listen(handle as RawHandle);
      if (finished) {
        copy.close(); // too late: the caller has its list already
        return;
      }
      copies.push(copy);
      if (copies.length === extra) done();
    });
    helper.once('error', done);
    helper.once('disconnect', done);
    helper.send({ count: extra }, raw as Parameters<typeof helper.send>[1]);
  });
}
