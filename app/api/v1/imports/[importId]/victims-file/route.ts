import { apiRoute } from "@/lib/api/next";

export const POST = apiRoute("POST", "/imports/{importId}/victims-file");
