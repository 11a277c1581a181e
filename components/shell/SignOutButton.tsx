import { signOutAction } from "@/app/(app)/sign-out-action";

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className="rounded bg-slate-800 px-3 py-1 text-sm text-white hover:bg-slate-900 focus:outline-2 focus:outline-offset-2 focus:outline-sky-700"
      >
        {label}
      </button>
    </form>
  );
}
