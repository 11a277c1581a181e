import { apiRoute } from "@/lib/api/next";

export const POST = apiRoute("POST", "/imports");
export const GET = apiRoute("GET", "/imports");
