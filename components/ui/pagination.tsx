import Link from "next/link";

const linkClass = "font-medium text-brand-800 underline hover:text-brand-900 px-2";

/**
 * « Page précédente · 1 … 4 5 6 … 12 · Page suivante »: the first, last and neighbouring pages as
 * plain links (works without JavaScript), the current one marked for assistive technologies.
 */
export function Pagination({ page, last, hrefOf, label }: { page: number; last: number; hrefOf: (page: number) => string; label: string }) {
  if (last <= 1) return null;
  const pages = [...new Set([1, page - 1, page, page + 1, last])].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  return (
    <nav aria-label={label} className="mt-8 print:hidden">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && page <= last && (
          <li>
            <Link href={hrefOf(page - 1)} className={linkClass} rel="prev">
              Page précédente
            </Link>
          </li>
        )}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page" className="rounded-md bg-brand-700 px-3 py-1 font-semibold text-white">
                {p}
              </span>
            ) : (
              <Link href={hrefOf(p)} className={linkClass} aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < last && (
          <li>
            <Link href={hrefOf(page + 1)} className={linkClass} rel="next">
              Page suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
