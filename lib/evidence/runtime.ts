import "server-only";
import { getConfig } from "@/lib/config";
import { evidenceStore, type EvidenceStore } from "./store";

/** The configured store and limit, for route handlers and actions. */
export async function evidenceRuntime(): Promise<{ store: EvidenceStore; maxBytes: number }> {
  const { evidence } = getConfig();
  return { store: await evidenceStore(evidence), maxBytes: evidence.maxBytes };
}
