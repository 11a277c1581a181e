import { apiRoute } from "@/lib/api/next";

export const POST = apiRoute("POST", "/reconciliation-rows/{rowId}/no-match");
