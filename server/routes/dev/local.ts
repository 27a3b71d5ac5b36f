import { BlockList, isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** Headers a reverse proxy adds; seen while no proxy is trusted, they mean the socket's address is the proxy's. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * True when the request comes from the machine Kaimen runs on. `request.ip` is the client address after
 * the trusted proxies (TRUST_PROXY); without trusted proxies, a request that carries forwarding headers
 * came through a proxy on this machine for someone elsewhere, so it is not local.
 */
export function isLocalRequest(request: FastifyRequest, proxiesTrusted: boolean): boolean {
  if (!proxiesTrusted && FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  return isLoopbackAddress(request.ip);
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** 127.0.0.0/8, ::1 and IPv4 loopback mapped into IPv6 (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  const family = isIP(plain);
  if (family === 0) return false;
  return LOOPBACK.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}
