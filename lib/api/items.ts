import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Principal } from "@/lib/auth/actor";
import { fieldErrorsOf } from "@/lib/result";
import { commentCommands, sourceCommands, victimCommands } from "@/lib/cases/items";
import { toCommentDto, toSourceDto, toVictimDto, type JsonObject } from "./dto";
import { ApiError } from "./errors";
import { readBody, type ApiHandler } from "./handler";
import { failureResponse, json, noContent } from "./http";
import { getComment, getSource, getVictim } from "./queries";
import {
  commentAddBody,
  commentChangeBody,
  fieldsOf,
  itemRemoveBody,
  sourceAddBody,
  sourceChangeBody,
  victimAddBody,
  victimChangeBody,
} from "./schemas";
import { API_BASE } from "./cases";
import { assertMayChangeItem } from "@/lib/cases/item-access";

type Commands = typeof victimCommands;
type Row = { id: string; caseId: string } & Record<string, unknown>;

type ItemKind = {
  /** The collection's name in paths: /cases/{caseId}/victims, /victims/{id}. */
  collection: "victims" | "sources" | "comments";
  commands: Commands;
  addBody: z.ZodType;
  changeBody: z.ZodObject;
  read(db: Db, by: Principal | null, id: string): Promise<Row | null>;
  toDto(row: Row): JsonObject;
};

const kinds = {
  victim: { collection: "victims", commands: victimCommands, addBody: victimAddBody, changeBody: victimChangeBody, read: getVictim, toDto: toVictimDto },
  source: { collection: "sources", commands: sourceCommands, addBody: sourceAddBody, changeBody: sourceChangeBody, read: getSource, toDto: toSourceDto },
  comment: {
    collection: "comments",
    commands: commentCommands,
    addBody: commentAddBody,
    changeBody: commentChangeBody,
    read: getComment,
    toDto: toCommentDto,
  },
} satisfies Record<string, ItemKind>;

export type ItemKindName = keyof typeof kinds;

/**
 * Add (POST /cases/{caseId}/{collection}), read, change and remove (GET, PATCH, DELETE
 * /{collection}/{id}) for victims, sources and comments, through the same commands as the forms.
 * A change is partial: the item's stored values fill the fields the body leaves out, and the whole
 * is validated as the form's schema.
 */
export function itemEndpoints(name: ItemKindName): { add: ApiHandler; get: ApiHandler; change: ApiHandler; remove: ApiHandler } {
  const kind: ItemKind = kinds[name];
  const editable = fieldsOf(kind.changeBody);
  const found = async (db: Db, by: Principal, id: string) => {
    const row = await kind.read(db, by, id);
    if (!row) throw new ApiError({ error: "notFound" });
    return row;
  };
  return {
    async add({ db, actor, request, params }) {
      const body = await readBody(request, kind.addBody);
      const result = await kind.commands.add(db, actor, params.caseId, body);
      if (!result.ok) return failureResponse(result);
      const row = await found(db, actor, result.value.id);
      return json(kind.toDto(row), 201, { Location: `${API_BASE}/${kind.collection}/${result.value.id}` });
    },
    async get({ db, actor, params }) {
      return json(kind.toDto(await found(db, actor, params.id)));
    },
    // Change and remove: one who may not touch this item is refused before its body is read.
    async change({ db, actor, request, params }) {
      const current = await found(db, actor, params.id);
      assertMayChangeItem(actor, kind.commands.ownerOf(current));
      const body = await readBody(request, kind.changeBody);
      const merged = { ...Object.fromEntries(editable.map((key) => [key, current[key]])), ...body };
      const result = await kind.commands.change(db, actor, params.id, merged);
      if (!result.ok) return failureResponse(result);
      return json(kind.toDto(await found(db, actor, params.id)));
    },
    async remove({ db, actor, request, params }) {
      assertMayChangeItem(actor, kind.commands.ownerOf(await found(db, actor, params.id)));
      const body = await readBody(request, itemRemoveBody, { optional: true });
      const parsed = itemRemoveBody.safeParse(body);
      if (!parsed.success) throw new ApiError({ error: "invalidInput", fieldErrors: fieldErrorsOf(parsed.error) });
      const result = await kind.commands.remove(db, actor, params.id, parsed.data.reason);
      return result.ok ? noContent() : failureResponse(result);
    },
  };
}

export const victimEndpoints = itemEndpoints("victim");
export const sourceEndpoints = itemEndpoints("source");
export const commentEndpoints = itemEndpoints("comment");
