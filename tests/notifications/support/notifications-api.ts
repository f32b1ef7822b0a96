// The channels and digest under test, through the library's public entry point.
export * from '@duban/notifications';
