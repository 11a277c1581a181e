/**
 * The pages' Content-Security-Policy: scripts run only with this response's nonce (Next.js puts it
 * on its own scripts) or when loaded by such a script ('strict-dynamic'); never inline script an
 * attacker managed to store, never a frame of this app inside another site. Styles may be inline
 * (React's style attributes and the charts' SVG <style>): a style cannot run code.
 * In development, React's tooling needs eval and the hot-reload socket.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and new for every response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
