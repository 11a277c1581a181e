import { describe, expect, it } from "vitest";
import { canonicalText, eventHash, GENESIS, type ChainedContent } from "@/lib/audit/chain";

const event: ChainedContent = {
  id: 42,
  at: new Date("2017-09-25T10:15:00.123Z"),
  actorId: "5f0c3d0e-1111-4222-8333-444455556666",
  actorLabel: "Karim Saleh",
  action: "case.updated",
  entityType: "case",
  entityId: "6a1b2c3d-1111-4222-8333-444455556666",
  caseId: "6a1b2c3d-1111-4222-8333-444455556666",
  subject: null,
  clientAddress: null,
  changes: { killedMax: { to: 35, from: 32 }, narrative: { from: "“قصف” \\n", to: null } },
  reason: "new count",
  prevHash: GENESIS,
};

describe("the canonical text of an audit event", () => {
  it("is sorted JSON of the hashed fields, dates as ISO UTC with milliseconds, as documented", () => {
    expect(canonicalText(event)).toBe(
      '{"action":"case.updated","actorId":"5f0c3d0e-1111-4222-8333-444455556666","actorLabel":"Karim Saleh","at":"2017-09-25T10:15:00.123Z",' +
        '"caseId":"6a1b2c3d-1111-4222-8333-444455556666","changes":{"killedMax":{"from":32,"to":35},"narrative":{"from":"“قصف” \\\\n","to":null}},' +
        '"clientAddress":null,"entityId":"6a1b2c3d-1111-4222-8333-444455556666","entityType":"case","id":42,' +
        `"prevHash":"${GENESIS}","reason":"new count","subject":null}`,
    );
  });

  it("is the same whatever the order of keys and whether the time is a date or its text", () => {
    const reordered = { ...event, at: "2017-09-25T10:15:00.123Z", changes: { narrative: { to: null, from: "“قصف” \\n" }, killedMax: { from: 32, to: 35 } } };
    expect(eventHash(reordered)).toBe(eventHash(event));
    expect(canonicalText(event)).toBe(JSON.stringify(JSON.parse(canonicalText(event))));
  });

  it("changes with any field, the previous hash included", () => {
    const base = eventHash(event);
    for (const change of [{ id: 43 }, { reason: "new count " }, { prevHash: "1".repeat(64) }, { at: new Date("2017-09-25T10:15:00.124Z") }, { changes: null }]) {
      expect(eventHash({ ...event, ...change }), JSON.stringify(change)).not.toBe(base);
    }
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
