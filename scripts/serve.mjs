// Starts the production build (`next build` first), as `next start` would, with two differences:
// X-Forwarded-For gets the address of the connection itself appended, so lib/auth/client-address.ts
// can count trusted hops from an end no client can forge (Next.js fills the header from the socket
// only when the client sent none); and Next.js is quiet, so a failed page is logged only by
// instrumentation.ts, without the error's message (a failed statement's quotes its parameters).
// Usage: node scripts/serve.mjs [-p PORT] [-H HOSTNAME]   (PORT and HOSTNAME are read too)
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: port must be a number from 0 to 65535, not ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

const app = next({ dev: false, quiet: true, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const peer = request.socket.remoteAddress ?? "";
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  handle(request, response);
});
server.listen(port, hostname, () => {
  const where = server.address();
  console.log(`serve: ready on http://${hostname ?? "localhost"}:${typeof where === "object" && where ? where.port : port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Kept-alive connections would hold the close open; the database's own shutdown hooks run on exit.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
