import { apiRoute } from "@/lib/api/next";

export const GET = apiRoute("GET", "/cases/{caseId}");
export const PATCH = apiRoute("PATCH", "/cases/{caseId}");
export const DELETE = apiRoute("DELETE", "/cases/{caseId}");
