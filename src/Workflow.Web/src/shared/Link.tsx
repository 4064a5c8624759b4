import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { href, navigate } from './router';

/** A link inside the app: a real href (open in a new tab works), followed without a reload. */
export function Link({ to, children, ...rest }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
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
