import { apiRoute } from "@/lib/api/next";

export const POST = apiRoute("POST", "/reconciliations/{reconciliationId}/reread");
