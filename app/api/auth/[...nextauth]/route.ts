import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";

/**
 * The auth library's endpoints, less its sign-out: that one clears the cookie without revoking the
 * session (a copied cookie would go on working), and swallows any failure. Signing out is the app's
 * own action (app/(app)/sign-out-action.ts), which revokes first.
 */
function refusedHere(request: NextRequest): Response | null {
  if (!request.nextUrl.pathname.replace(/\/+$/, "").endsWith("/api/auth/signout")) return null;
  return Response.json({ error: "notFound" }, { status: 404 });
}

export function GET(request: NextRequest) {
  return refusedHere(request) ?? handlers.GET(request);
}

export function POST(request: NextRequest) {
  return refusedHere(request) ?? handlers.POST(request);
}
