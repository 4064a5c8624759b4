import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { href, navigate } from './router';

/** A link inside the app: a real href (open in a new tab works), followed without a reload. */
export function Link({ to, children, onClick, ...rest }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    // The caller's handler first (the bell marks a notification read), and it may keep the link from being followed.
    onClick?.(e);
    if (e.defaultPrevented) return;
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const [path, search] = to.split('?');
    navigate(path, { search });
  };
  return (
    <a href={href(to)} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
