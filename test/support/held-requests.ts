import net from 'node:net';
import type { RunningRosette } from './in-process-rosette';
import { waitFor } from './wait-for';

/**
 * Opens `n` requests to the first server and keeps them in flight: each sends its headers (an admin
 * request, which the gate never turns away) and never finishes its body. Resolves with the sockets
 * once the gate counts at least `n` in flight; destroy a socket to let its request end.
 */
export async function holdRequests(rosette: RunningRosette, n: number): Promise<net.Socket[]> {
  const { port } = new URL(rosette.baseUrl);
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i++) {
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(`POST /api/admin/maintenance HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nAuthorization: Bearer ${rosette.adminToken}\r\n\r\n{"mode":`);
    sockets.push(socket);
  }
  await waitFor('requests in flight', () => rosette.servers[0]!.gate.inFlight >= n);
  return sockets;
}
