import { UnrecoverableError } from 'bullmq';
import { ChannelDeliveryError } from './channel-delivery-error';
import { channelRetryDelayMs, toJobError } from './job-error';

describe('BullMQ error mapping', () => {
  it('turns a non-retryable delivery error into an UnrecoverableError', () => {
    const mapped = toJobError(new ChannelDeliveryError('dingtalk', 'errcode 310000: sign not match', { retryable: false, errcode: 310000 }));
    expect(mapped).toBeInstanceOf(UnrecoverableError);
    expect(mapped.message).toBe('dingtalk: errcode 310000: sign not match');
  });

  it('keeps retryable errors and other errors as they are', () => {
    const retryable = new ChannelDeliveryError('webhook', 'HTTP 503', { retryable: true, statusCode: 503 });
    expect(toJobError(retryable)).toBe(retryable);
    const plain = new Error('boom');
    expect(toJobError(plain)).toBe(plain);
    expect(toJobError('text')).toEqual(new Error('text'));
  });

  it('backs off exponentially, honouring Retry-After, within the maximum', () => {
    const options = { baseMs: 2000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 6].map((attempt) => channelRetryDelayMs(attempt, new Error('x'), options))).toEqual([2000, 4000, 8000, 16000, 60_000]);
    const limited = new ChannelDeliveryError('webhook', 'HTTP 429', { retryable: true, statusCode: 429, retryAfterMs: 30_000 });
    expect(channelRetryDelayMs(1, limited, options)).toBe(30_000);
    expect(channelRetryDelayMs(1, new ChannelDeliveryError('webhook', 'HTTP 429', { retryable: true, retryAfterMs: 3_600_000 }), options)).toBe(60_000);
  });
});
