import { apiRoute } from "@/lib/api/next";

export const GET = apiRoute("GET", "/victims/{id}");
export const PATCH = apiRoute("PATCH", "/victims/{id}");
export const DELETE = apiRoute("DELETE", "/victims/{id}");
