import { getConfig } from "@/lib/config";

/**
 * The client's address, for the per-address sign-in throttle and the trail. scripts/serve.mjs
 * appends the address of the connection itself to X-Forwarded-For, so the list always ends with
 * a hop nobody can forge; each trusted proxy in front (TRUSTED_PROXY_HOPS) appended the address
 * it was reached from, so the client is that many entries from the right. Entries further left
 * are whatever the client chose to send and are never read; neither is X-Real-IP.
 */
export function clientAddressFrom(headers: Headers, trustedProxyHops = getConfig().trustedProxyHops): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  // Fewer hops than configured: the request did not come through every proxy; the leftmost is the best there is.
  const address = hops[Math.max(0, hops.length - 1 - trustedProxyHops)];
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}
