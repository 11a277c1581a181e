"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  // The most specific link that contains the current page is the current one ("/cases/new" over "/cases").
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  const currentHref = links.map((l) => l.href).filter(matches).sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {links.map(({ href, label: text }) => {
          const current = href === currentHref;
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className="block rounded px-3 py-2 text-slate-800 hover:bg-slate-200 focus:outline-2 focus:outline-sky-700 aria-[current=page]:bg-sky-900 aria-[current=page]:text-white"
              >
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
