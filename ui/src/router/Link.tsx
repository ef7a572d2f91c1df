// An <a href> that navigates in-app on a plain left click and leaves every other click (middle, modified, keyboard
// with modifiers, target) to the browser, so "open in new tab" and copying links work.
import { type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { navigate, useLocation } from './history.js';

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  /** mark as the current page (aria-current) when the pathname matches exactly or, with `prefix`, starts with it */
  nav?: 'exact' | 'prefix';
}

export function Link({ href, nav, onClick, ...rest }: LinkProps) {
  const { pathname } = useLocation();
  const target = href.split('?')[0] ?? href;
  const current = nav === 'exact' ? pathname === target
    : nav === 'prefix' ? pathname === target || pathname.startsWith(`${target}/`) : false;
  const handle = (ev: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(ev);
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    if (rest.target !== undefined && rest.target !== '_self') return;
    ev.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} aria-current={current ? 'page' : undefined} {...rest} />;
}
