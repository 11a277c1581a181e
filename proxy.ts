import { NextResponse, type NextRequest } from "next/server";

const PUBLIC_PATHS = ["/login"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Courtesy only: sends visitors without a session cookie to sign-in and remembers where they were
 * going. It is never the guard: every page, action and route checks the actor itself in lib/.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const returnPath = pathname + search;
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((n) => c.name === n || c.name.startsWith(`${n}.`)));
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!hasSession && !isPublic && !pathname.startsWith("/api/")) {
    const url = new URL("/login", request.url);
    if (returnPath !== "/") url.searchParams.set("callbackUrl", returnPath);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-return-path", returnPath);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Evidence uploads are kept out: Next buffers (and cuts at 10 MB) any request body a proxy sees,
  // and they must stream. Their route checks the actor itself, like every other.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth|api/cases/[^/]+/evidence).*)"],
};
