import type { MouseEvent } from 'react';
import { useStore } from '../../state/store';
import type { Page } from '../../state/appChoices';

// The site's two pages, as links (`?page=lab`): a click switches in place, and the URL sync
// writes the page's own keys.

const PAGES: { page: Page; label: string; href: string }[] = [
  { page: 'explorer', label: 'Explorer', href: '?' },
  { page: 'lab', label: 'Training lab', href: '?page=lab' },
];

export function PageNav() {
  const page = useStore((s) => s.page);
  const setPage = useStore((s) => s.setPage);
  const go = (e: MouseEvent, to: Page) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    setPage(to);
  };
  return (
    <nav aria-label="Pages" className="page-nav">
      {PAGES.map((p) => (
        <a
          key={p.page}
          href={p.href}
          aria-current={page === p.page ? 'page' : undefined}
          onClick={(e) => go(e, p.page)}
        >
          {p.label}
        </a>
      ))}
    </nav>
  );
}
