import { z } from "zod";
import { audiences, EXPORT_STARTED_COOKIE, exportKinds } from "./export-kinds";
import type { ExportFile } from "./export";

/** Which export: the kind, for whom, and (from the page) the token its "download started" notice waits for. */
export const exportChoice = z.object({
  kind: z.enum(exportKinds),
  audience: z.enum(audiences),
});

/** 32 hexadecimal digits, as components/summaries/ExportPanel.tsx makes them. */
const token = z.string().regex(/^[0-9a-f]{32}$/);

/** The streamed download; with the page's token, a short-lived cookie that tells the page the download has begun. */
export function exportResponse(file: ExportFile, startedToken?: string | null): Response {
  const headers = new Headers({
    "Content-Type": file.mediaType,
    "Content-Disposition": `attachment; filename="${file.fileName}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (startedToken && token.safeParse(startedToken).success) {
    headers.append("Set-Cookie", `${EXPORT_STARTED_COOKIE}=${startedToken}; Path=/summaries; Max-Age=120; SameSite=Strict`);
  }
  return new Response(file.body, { headers });
}
