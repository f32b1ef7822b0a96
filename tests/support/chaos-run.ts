// The chaos run (tools/chaos) for its smaller version in npm test.
export * from '../../tools/chaos/chaos';
