import { apiRoute } from "@/lib/api/next";

export const GET = apiRoute("GET", "/cases");
export const POST = apiRoute("POST", "/cases");
