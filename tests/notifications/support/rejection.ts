import { ChannelDeliveryError } from './notifications-api';

/** The ChannelDeliveryError a send rejects with (fails the test when it resolves or throws something else). */
export async function deliveryFailure(sending: Promise<unknown>): Promise<ChannelDeliveryError> {
  try {
    await sending;
  } catch (error) {
    if (error instanceof ChannelDeliveryError) return error;
    throw error;
  }
  throw new Error('expected the send to fail with a ChannelDeliveryError');
}
