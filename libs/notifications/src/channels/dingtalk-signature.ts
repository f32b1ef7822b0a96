import { createHmac } from 'node:crypto';

/**
 * DingTalk custom robot signing (加签): base64(HMAC-SHA256(key = secret,
 * message = `${timestamp}\n${secret}`)), timestamp in ms. DingTalk rejects a
 * timestamp more than an hour away from its clock.
 */
export function dingTalkSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/**
 * The robot URL with `&timestamp=…&sign=…` appended, sign URL-encoded as in
 * DingTalk's reference code (URLEncoder.encode(base64, "UTF-8")). The
 * configured URL is kept byte for byte.
 */
export function signDingTalkUrl(url: string, secret: string, timestampMs: number): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}timestamp=${timestampMs}&sign=${encodeURIComponent(dingTalkSignature(secret, timestampMs))}`;
}
