import { BlockList, isIP } from "node:net";

/**
 * Addresses a server-side fetch must never reach: this machine, private and shared networks,
 * link-local, documentation and benchmark ranges, multicast, reserved, and the IPv6 forms that
 * carry an IPv4 address (mapped, NAT64, 6to4, Teredo), so no spelling of an internal address passes.
 */
// Two lists: Node checks an IPv4 address against IPv6 rules in its mapped form too, and the IPv6
// list holds all of ::ffff:0:0/96.
const notPublic4 = new BlockList();
const notPublic6 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  notPublic4.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback, IPv4-compatible
  ["::ffff:0:0", 96], // IPv4-mapped
  ["64:ff9b::", 96], // NAT64
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001::", 32], // Teredo
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const)
  notPublic6.addSubnet(network, prefix, "ipv6");

/** The IP address in a URL's hostname (IPv6 without its brackets), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** True only for an address on the public internet; anything unparsable is not public. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !notPublic4.check(address, "ipv4") : !notPublic6.check(address, "ipv6");
}
