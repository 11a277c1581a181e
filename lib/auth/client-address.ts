/**
 * The client's address as the reverse proxy in front of the app reports it (first hop of
 * X-Forwarded-For, or X-Real-IP). Used for the per-address sign-in throttle and the trail.
 */
export function clientAddressFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || null;
}
