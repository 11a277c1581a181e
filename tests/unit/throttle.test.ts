import { describe, expect, it } from "vitest";
import { accountRule, clientRule, lockedUntil } from "@/lib/auth/throttle";

const MINUTE = 60_000;
const start = new Date("2025-03-01T10:00:00Z").getTime();
const at = (minutes: number) => new Date(start + minutes * MINUTE);
const failuresAt = (...minutes: number[]) => minutes.map(at);

describe("the account throttle", () => {
  it("allows attempts after four failures", () => {
    expect(lockedUntil(failuresAt(0, 1, 2, 3), accountRule, at(4))).toBeNull();
  });

  it("locks for 15 minutes after the fifth failure within 15 minutes", () => {
    expect(lockedUntil(failuresAt(0, 1, 2, 3, 4), accountRule, at(5))).toEqual(at(19));
  });

  it("does not depend on the order the failures are given in", () => {
    expect(lockedUntil(failuresAt(4, 0, 3, 1, 2), accountRule, at(5))).toEqual(at(19));
  });

  it("does not lock for five failures spread over 20 minutes", () => {
    expect(lockedUntil(failuresAt(0, 5, 10, 15, 20), accountRule, at(20.5))).toBeNull();
  });

  it("lifts the lock exactly 15 minutes after the fifth failure", () => {
    const failures = failuresAt(0, 1, 2, 3, 4);
    expect(lockedUntil(failures, accountRule, new Date(at(19).getTime() - 1))).toEqual(at(19));
    expect(lockedUntil(failures, accountRule, at(19))).toBeNull();
  });

  it("runs the lock from the latest failure that completes a burst", () => {
    expect(lockedUntil(failuresAt(0, 1, 2, 3, 4, 10), accountRule, at(11))).toEqual(at(25));
  });
});

describe("the client-address throttle", () => {
  const burst = (count: number) => Array.from({ length: count }, (_, i) => new Date(start + i * 1000));

  it("allows 49 failures from one address", () => {
    expect(lockedUntil(burst(49), clientRule, at(1))).toBeNull();
  });

  it("locks at 50 failures within 15 minutes", () => {
    const failures = burst(50);
    expect(lockedUntil(failures, clientRule, at(1))).toEqual(new Date(failures[49].getTime() + 15 * MINUTE));
  });
});
