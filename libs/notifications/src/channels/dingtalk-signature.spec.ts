import { dingTalkSignature, signDingTalkUrl } from './dingtalk-signature';

// Expected values computed independently with Python's hmac/base64/urllib.parse.quote_plus,
// following DingTalk's reference code for custom robot signing (加签).
const VECTORS = [
  {
    secret: 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd',
    timestamp: 1700000000000,
    base64: '8SZas7RY4E7wuOlgLfjLwHSKZpyUEdXdLvFYSDZiiFw=',
    urlEncoded: '8SZas7RY4E7wuOlgLfjLwHSKZpyUEdXdLvFYSDZiiFw%3D',
  },
  {
    secret: 'SECtest-密钥',
    timestamp: 1577836800000,
    base64: 'ZyTFJ+STSVoV/BDOp2A1IE3HoGem73BDB9EyY1Wcroo=',
    urlEncoded: 'ZyTFJ%2BSTSVoV%2FBDOp2A1IE3HoGem73BDB9EyY1Wcroo%3D',
  },
];

describe('DingTalk robot signing', () => {
  it.each(VECTORS)('signs timestamp $timestamp like the reference implementation', ({ secret, timestamp, base64 }) => {
    expect(dingTalkSignature(secret, timestamp)).toBe(base64);
  });

  it.each(VECTORS)('appends timestamp and the URL-encoded sign to the robot URL', ({ secret, timestamp, urlEncoded }) => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=abc123';
    expect(signDingTalkUrl(url, secret, timestamp)).toBe(`${url}&timestamp=${timestamp}&sign=${urlEncoded}`);
  });

  it('round-trips: the sign query parameter decodes to the base64 signature', () => {
    const { secret, timestamp, base64 } = VECTORS[1];
    const signed = new URL(signDingTalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123', secret, timestamp));
    expect(signed.searchParams.get('access_token')).toBe('abc123');
    expect(signed.searchParams.get('timestamp')).toBe(String(timestamp));
    expect(signed.searchParams.get('sign')).toBe(base64);
  });

  it('starts the query string when the URL has none', () => {
    expect(signDingTalkUrl('http://127.0.0.1:1/robot', 's', 1)).toMatch(/^http:\/\/127\.0\.0\.1:1\/robot\?timestamp=1&sign=/);
  });

  it('changes with the timestamp and the secret', () => {
    expect(dingTalkSignature('a', 1)).not.toBe(dingTalkSignature('a', 2));
    expect(dingTalkSignature('a', 1)).not.toBe(dingTalkSignature('b', 1));
  });
});
