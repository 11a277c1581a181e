import { eq } from "drizzle-orm";
import { comments, sources, victims } from "@/db/schema";
import { itemCommands } from "./item-commands";
import { commentInput, sourceInput, victimInput } from "./schemas";

export const victimCommands = itemCommands({
  entity: "victim",
  schema: victimInput,
  affectsSearch: true,
  ownerOf: (row) => String(row.createdBy),
  insert: async (tx, values, caseId, userId) =>
    (await tx.insert(victims).values({ ...values, caseId, createdBy: userId }).returning({ id: victims.id }))[0],
  lock: async (tx, id) => (await tx.select().from(victims).where(eq(victims.id, id)).for("update"))[0],
  update: async (tx, id, values) => {
    await tx.update(victims).set({ ...values, updatedAt: new Date() }).where(eq(victims.id, id));
  },
  remove: async (tx, id) => {
    await tx.delete(victims).where(eq(victims.id, id));
  },
});

export const sourceCommands = itemCommands({
  entity: "source",
  schema: sourceInput,
  affectsSearch: false,
  ownerOf: (row) => String(row.createdBy),
  insert: async (tx, values, caseId, userId) =>
    (await tx.insert(sources).values({ ...values, caseId, createdBy: userId }).returning({ id: sources.id }))[0],
  lock: async (tx, id) => (await tx.select().from(sources).where(eq(sources.id, id)).for("update"))[0],
  update: async (tx, id, values) => {
    await tx.update(sources).set({ ...values, updatedAt: new Date() }).where(eq(sources.id, id));
  },
  remove: async (tx, id) => {
    await tx.delete(sources).where(eq(sources.id, id));
  },
});

/** Internal discussion: only its author (or a reviewer or manager) changes or removes a comment. */
export const commentCommands = itemCommands({
  entity: "comment",
  schema: commentInput,
  affectsSearch: false,
  ownerOf: (row) => String(row.authorId),
  insert: async (tx, values, caseId, userId) =>
    (await tx.insert(comments).values({ ...values, caseId, authorId: userId }).returning({ id: comments.id }))[0],
  lock: async (tx, id) => (await tx.select().from(comments).where(eq(comments.id, id)).for("update"))[0],
  update: async (tx, id, values) => {
    await tx.update(comments).set({ ...values, updatedAt: new Date() }).where(eq(comments.id, id));
  },
  remove: async (tx, id) => {
    await tx.delete(comments).where(eq(comments.id, id));
  },
});
