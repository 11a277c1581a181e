"use client";

import { useEffect, useRef, useState } from "react";

export type ExportLink = { href: string; label: string; name: string };
type Status = { kind: "preparing" | "started" | "failed"; name: string } | null;
type Messages = { preparing: string; started: string; failed: string };

const POLL_MS = 200;
const GIVE_UP_MS = 60_000;

function cookieValue(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/**
 * The export links. Without JavaScript each is a plain download; with it, a click names the request
 * with a token and the page says "preparing" until the response's headers (which carry the token
 * back in a short-lived cookie) arrive, then "started": the file itself streams to the browser.
 */
export function ExportPanel({ groups, messages, cookieName }: { groups: { title: string; help: string; links: ExportLink[] }[]; messages: Messages; cookieName: string }) {
  const [status, setStatus] = useState<Status>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);

  const start = (event: React.MouseEvent<HTMLAnchorElement>, link: ExportLink) => {
    event.preventDefault();
    if (timer.current) clearInterval(timer.current);
    // getRandomValues, unlike randomUUID, also exists on a plain-HTTP address inside an office network.
    const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
    const url = new URL(link.href, window.location.href);
    url.searchParams.set("token", token);
    const a = document.createElement("a");
    a.href = url.toString();
    a.download = "";
    document.body.append(a);
    a.click();
    a.remove();
    setStatus({ kind: "preparing", name: link.name });
    const began = Date.now();
    timer.current = setInterval(() => {
      if (cookieValue(cookieName) === token) {
        setStatus({ kind: "started", name: link.name });
      } else if (Date.now() - began < GIVE_UP_MS) {
        return;
      } else {
        setStatus({ kind: "failed", name: link.name });
      }
      if (timer.current) clearInterval(timer.current);
    }, POLL_MS);
  };

  const text = status ? messages[status.kind].replace("{name}", status.name) : "";
  return (
    <div className="flex flex-col gap-4">
      {groups.map((g) => (
        <div key={g.title} className="flex flex-col gap-2">
          <h3 className="font-semibold">{g.title}</h3>
          <p className="text-sm text-slate-700">{g.help}</p>
          <ul className="flex flex-wrap gap-2">
            {g.links.map((l) => (
              <li key={l.href}>
                <a href={l.href} download onClick={(e) => start(e, l)} className="inline-block rounded border border-slate-500 px-3 py-1.5 hover:bg-slate-100">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p role="status" aria-live="polite" className={status?.kind === "failed" ? "text-red-800" : "text-slate-800"} data-testid="export-status">
        {text}
      </p>
    </div>
  );
}
