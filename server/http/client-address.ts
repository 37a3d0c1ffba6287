import type { IncomingMessage } from 'node:http';
import { ipKeyGenerator } from 'express-rate-limit';
import proxyAddr from 'proxy-addr';
import type { Config } from '../../common/node/config';

/** IPv6 clients are counted by /56: one household or phone contract gets a whole block. */
export const IPV6_SUBNET = 56;

/**
 * The client's address as Express's `req.ip` computes it under the same TRUST_PROXY (proxy-addr is
 * what Express uses), for code that runs before Express: the overload gate.
 */
export function clientAddressOf(trustProxy: Config['TRUST_PROXY']): (req: IncomingMessage) => string {
  if (trustProxy === false) return (req) => req.socket.remoteAddress ?? '';
  const trust = typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : proxyAddr.compile(trustProxy);
  return (req) => proxyAddr(req, trust);
}

/** The rate-limit key of a request's client: its address, IPv6 cut to /56 (as the limiters key it). */
export function clientKeyOf(trustProxy: Config['TRUST_PROXY']): (req: IncomingMessage) => string {
  const addressOf = clientAddressOf(trustProxy);
  return (req) => ipKeyGenerator(addressOf(req), IPV6_SUBNET);
}
