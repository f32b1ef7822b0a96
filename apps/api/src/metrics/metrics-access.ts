import { createHash, timingSafeEqual } from 'node:crypto';

/** Loopback peers: the TCP connection's own address, never a forwarded header. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

/**
 * Who may read /metrics: with METRICS_TOKEN set, whoever presents it as a bearer
 * token (from anywhere); without it, only clients on the same host.
 */
export function metricsAccess(metricsToken: string | null, presentedToken: string | null, peerAddress: string | undefined): 'allowed' | 'token_required' | 'loopback_only' {
  if (metricsToken !== null) return presentedToken !== null && sameSecret(presentedToken, metricsToken) ? 'allowed' : 'token_required';
  return isLoopbackAddress(peerAddress) ? 'allowed' : 'loopback_only';
}

/** Constant-time comparison (of digests, so lengths need not match). */
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
