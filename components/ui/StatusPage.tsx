import Link from "next/link";

export function StatusPage({ title, body, linkLabel }: { title: string; body: string; linkLabel: string }) {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-3 px-4 py-16">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-700">{body}</p>
      <p>
        <Link href="/" className="text-sky-800 underline">
          {linkLabel}
        </Link>
      </p>
    </main>
  );
}
