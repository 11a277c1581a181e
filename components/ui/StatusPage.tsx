import Link from "next/link";

type Props = { title: string; body: string; linkLabel: string; standalone?: boolean };

/** A 403/404 message; standalone outside the signed-in shell (which brings its own <main>). */
export function StatusPage({ title, body, linkLabel, standalone = false }: Props) {
  const Wrapper = standalone ? "main" : "div";
  return (
    <Wrapper id={standalone ? "main" : undefined} className="mx-auto flex max-w-xl flex-col gap-3 px-4 py-16">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-700">{body}</p>
      <p>
        <Link href="/" className="text-sky-800 underline">
          {linkLabel}
        </Link>
      </p>
    </Wrapper>
  );
}
