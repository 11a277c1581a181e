import { apiRoute } from "@/lib/api/next";

export const GET = apiRoute("GET", "/reconciliations/{reconciliationId}");
