import type { z } from "zod";
import type { Db } from "@/db/client";
import { can, type Principal } from "@/lib/auth/actor";
import { assignCase } from "@/lib/cases/assignment";
import { addRedressItem, changeRedressStatus } from "@/lib/cases/redress-commands";
import { assessCase, recordAnswer } from "@/lib/cases/review-commands";
import { markDuplicate, moveCase, sendToBelligerent } from "@/lib/cases/stage-commands";
import type { Result } from "@/lib/result";
import { caseResponse, refuseUnlessMayEdit } from "./cases";
import { readBody, type ApiHandler, type ApiRequest } from "./handler";
import { failureResponse } from "./http";
import { answerBody, assessmentBody, assignmentBody, duplicateBody, moveBody, redressBody, redressStatusBody, sendingBody } from "./schemas";

type Command<T> = (db: Db, by: Principal | null, target: string, input: unknown) => Promise<Result<T>>;

/**
 * A lifecycle endpoint: the body checked against `schema`, the same command as the case page's form,
 * and the whole case back. `caseOf` says which case the answer shows (the target itself, or the
 * case an answer or a redress item belongs to).
 */
function lifecycleEndpoint<T>(
  schema: z.ZodType,
  command: Command<T>,
  target: "caseId" | "id",
  caseOf: (value: T, target: string) => string,
  status: 200 | 201 = 200,
  refuseEarly?: (req: ApiRequest) => Promise<void>,
): ApiHandler {
  return async (req) => {
    await refuseEarly?.(req);
    const body = await readBody(req.request, schema);
    const result = await command(req.db, req.actor, req.params[target], body);
    if (!result.ok) return failureResponse(result);
    return caseResponse(req, caseOf(result.value, req.params[target]), status);
  };
}

const sameCase = (_value: unknown, caseId: string) => caseId;

// One who may neither move any case nor reopen one (staff) may only submit a case of their own in
// submission: anyone else is refused before the body is read.
const refuseUnlessMayMove = async (req: ApiRequest) => {
  if (!can(req.actor, "case:move-stage") && !can(req.actor, "case:reopen")) await refuseUnlessMayEdit(req);
};

export const moveEndpoint = lifecycleEndpoint(moveBody, moveCase, "caseId", sameCase, 200, refuseUnlessMayMove);
export const assessEndpoint = lifecycleEndpoint(assessmentBody, assessCase, "caseId", sameCase, 201);
export const sendEndpoint = lifecycleEndpoint(sendingBody, sendToBelligerent, "caseId", sameCase, 201);
export const answerEndpoint = lifecycleEndpoint(answerBody, recordAnswer, "id", (v) => v.caseId);
export const addRedressEndpoint = lifecycleEndpoint(redressBody, addRedressItem, "caseId", sameCase, 201);
export const redressStatusEndpoint = lifecycleEndpoint(redressStatusBody, changeRedressStatus, "id", (v) => v.caseId);
export const duplicateEndpoint = lifecycleEndpoint(duplicateBody, markDuplicate, "caseId", sameCase);
export const assignEndpoint = lifecycleEndpoint(assignmentBody, assignCase, "caseId", sameCase);
