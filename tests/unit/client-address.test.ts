import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/auth/client-address";

// scripts/serve.mjs appends the connection's address, so the last entry is always the socket's.
const request = (forwardedFor?: string, extra: Record<string, string> = {}) =>
  new Headers({ ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }), ...extra });

describe("the client's address", () => {
  it("with no proxy trusted, is the connection's address whatever the client claims", () => {
    expect(clientAddressFrom(request("198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddressFrom(request("203.0.113.9, 198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddressFrom(request("203.0.113.9, 198.51.100.7", { "x-real-ip": "203.0.113.10" }), 0)).toBe("198.51.100.7");
  });

  it("behind trusted proxies, is the address the outermost one was reached from, never what the client wrote before it", () => {
    // client forged "1.1.1.1"; the proxy appended the real client 203.0.113.9; the socket is the proxy.
    expect(clientAddressFrom(request("1.1.1.1, 203.0.113.9, 10.0.0.2"), 1)).toBe("203.0.113.9");
    expect(clientAddressFrom(request("1.1.1.1,203.0.113.9 ,10.0.0.3, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("with fewer entries than trusted hops, takes the leftmost; with none, has no address", () => {
    expect(clientAddressFrom(request("10.0.0.2"), 2)).toBe("10.0.0.2");
    expect(clientAddressFrom(request(), 0)).toBeNull();
    expect(clientAddressFrom(request(" , "), 0)).toBeNull();
  });

  it("writes an IPv4 client reached over an IPv6 socket as IPv4", () => {
    expect(clientAddressFrom(request("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddressFrom(request("2001:db8::1"), 0)).toBe("2001:db8::1");
  });
});
