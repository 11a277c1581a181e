import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

const PUBLIC_PATHS = ["/login"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Courtesy only: sends visitors without a session cookie to sign-in and remembers where they were
 * going. It is never the guard: every page, action and route checks the actor itself in lib/.
 * It also gives each response its Content-Security-Policy with a fresh nonce, which Next.js reads
 * from the request's copy of the header and puts on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Next.js refuses a server action posted from another site too, but with a 500; this says 403.
  // Plain form posts (a page whose script has not run yet) carry no next-action header, so every
  // unsafe method is checked. The API is left to itself: it takes tokens, never the session cookie.
  if (!SAFE_METHODS.has(request.method) && !pathname.startsWith("/api/") && isCrossOrigin(request)) {
    return NextResponse.json({ error: "crossOrigin" }, { status: 403 });
  }
  const returnPath = pathname + search;
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((n) => c.name === n || c.name.startsWith(`${n}.`)));
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!hasSession && !isPublic && !pathname.startsWith("/api/")) {
    const url = new URL("/login", request.url);
    if (returnPath !== "/") url.searchParams.set("callbackUrl", returnPath);
    return NextResponse.redirect(url);
  }
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-return-path", returnPath);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** The Origin header names another host than the one this request was sent to (as the proxy in front says); "null" included. */
function isCrossOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const config = {
  // Evidence uploads are kept out: Next buffers (and cuts at 10 MB) any request body a proxy sees,
  // and they must stream. Their route checks the actor itself, like every other.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth|api/cases/[^/]+/evidence).*)"],
};
