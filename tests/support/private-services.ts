// Fault tests start their own PostgreSQL, Redis and Temporal (shared with `npm run chaos`).
export * from '../../tools/chaos/private-services';
