// The channels and digest under test. libs/notifications/src/index.ts does not
// re-export them yet; once it does, import '@duban/notifications' here instead
// and drop the lint exception.
// eslint-disable-next-line @nx/enforce-module-boundaries
export * from '../../../libs/notifications/src/channels';
// eslint-disable-next-line @nx/enforce-module-boundaries
export * from '../../../libs/notifications/src/digest';
