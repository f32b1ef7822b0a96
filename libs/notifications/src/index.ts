export * from './outbox-message';
export * from './write-outbox-messages';
export * from './outbox-delivery.service';
