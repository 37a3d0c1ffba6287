import net from 'node:net';
import type { TrafficClassName } from './traffic-classes';

/**
 * Who the drill's clients are, to the servers: each simulated person sends from an address of their own
 * on the loopback network (Linux routes all of 127.0.0.0/8 to the loopback interface), so per-address
 * rate limits treat them as the different people they stand for. The second octet tells the groups
 * apart: anonymous visitors 127.10.x.y, campaigners 127.20.x.y, volunteers 127.30.x.y, the admin
 * polling the status and the recovery probe 127.40.0.x.
 */
const GROUP_OCTET = { anonymous: 10, campaigners: 20, volunteers: 30, admin: 40 } as const;
type Group = keyof typeof GROUP_OCTET;

/** The group each traffic class's clients belong to. */
export const CLASS_GROUP: Record<TrafficClassName, Group> = { home: 'anonymous', api: 'anonymous', print: 'campaigners', download: 'volunteers' };

/** `count` distinct loopback addresses of a group (250 per third octet). */
export function loopbackAddresses(group: Group, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `127.${GROUP_OCTET[group]}.${Math.floor(i / 250)}.${(i % 250) + 1}`);
}

/** Address of the admin's status polls. */
export const ADMIN_ADDRESS = loopbackAddresses('admin', 1)[0]!;
/** Address of the recovery probe, a campaigner who sent nothing during the flood. */
export const PROBE_ADDRESS = loopbackAddresses('admin', 2)[1]!;

/**
 * Whether this machine lets a socket send from 127.10.0.1 (Linux does; macOS has only 127.0.0.1
 * unless aliases are added). Connects to a throwaway listener to find out.
 */
export function canUseLoopbackRange(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.destroy());
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      const socket = net.connect({ host: '127.0.0.1', port, localAddress: loopbackAddresses('anonymous', 1)[0] });
      const done = (ok: boolean) => {
        socket.destroy();
        server.close();
        resolve(ok);
      };
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
    });
  });
}
