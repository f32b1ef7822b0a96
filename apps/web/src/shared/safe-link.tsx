import { safeHttpUrl } from './safe-url';

/**
 * User-supplied links (evidence): a real link only for http(s), opened in a new tab
 * without giving it this page (noopener); anything else is shown as plain text.
 */
export function SafeLink({ href, children }: { href: string; children?: React.ReactNode }) {
  const url = safeHttpUrl(href);
  if (!url) return <span title="不是 http(s) 链接，未作为链接打开">{children ?? href}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow">
      {children ?? href}
    </a>
  );
}
