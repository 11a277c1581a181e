import { apiRoute } from "@/lib/api/next";

export const GET = apiRoute("GET", "/comments/{id}");
export const PATCH = apiRoute("PATCH", "/comments/{id}");
export const DELETE = apiRoute("DELETE", "/comments/{id}");
