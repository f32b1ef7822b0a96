export * from './outbox-message';
export * from './write-outbox-messages';
export * from './outbox-delivery.service';
export * from './channels';
export * from './digest';
export * from './channel-delivery.service';
