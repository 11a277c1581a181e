import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { expect, test } from "./fixtures";
import { fileHaratAlBadu, tinyPng, uniqueWord } from "./support/cases";

/** Every file under the server's evidence folder, the half-written uploads' folder included. */
async function storedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Posts `total` bytes to the upload route in chunked encoding, so no Content-Length says how much
 * is coming, and stops sending once the server answers.
 */
function uploadWithoutLength(url: URL, cookie: string, firstChunk: Buffer, chunk: Buffer, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = httpRequest(url, {
      method: "POST",
      headers: { Cookie: cookie, "X-File-Name": "drone-footage.png", "Content-Type": "application/octet-stream" },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (part) => (body += part));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", (err) => (answered ? undefined : reject(err)));
    (async () => {
      let sent = 0;
      for (let next = firstChunk; sent < total && !answered; next = chunk) {
        sent += next.length;
        if (!request.write(next)) await new Promise((r) => request.once("drain", r));
      }
      request.end();
    })().catch(() => undefined);
  });
}

test("an upload streamed past the size limit without a Content-Length is refused and nothing of it is kept", async ({ staffPage: page, backend, baseURL }) => {
  const { id } = await fileHaratAlBadu(page, { title: `Streamed upload ${uniqueWord()}` });
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // A PNG's first bytes, then a pattern of this test's own to look for on disk.
  const marker = Buffer.from(`stream-marker-${randomBytes(8).toString("hex")}`);
  const chunk = Buffer.concat(Array.from({ length: Math.ceil((64 * 1024) / marker.length) }, () => marker));
  // The end-to-end servers allow 5 MB (EVIDENCE_MAX_BYTES in playwright.config.ts); send 8.
  const answer = await uploadWithoutLength(new URL(`/api/cases/${id}/evidence`, baseURL), cookie, Buffer.concat([tinyPng, chunk]), chunk, 8 * 1024 * 1024);

  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({ error: "evidenceTooLarge" });
  await page.goto(`/cases/${id}`);
  await expect(page.getByTestId("evidence-item")).toHaveCount(0);
  const evidenceDir = path.join(".e2e", backend, "evidence");
  for (const file of await storedFiles(evidenceDir)) {
    expect((await readFile(file)).includes(marker), `${file} holds part of the refused upload`).toBe(false);
  }
});
