import { apiRoute } from "@/lib/api/next";

export const GET = apiRoute("GET", "/sources/{id}");
export const PATCH = apiRoute("PATCH", "/sources/{id}");
export const DELETE = apiRoute("DELETE", "/sources/{id}");
