// Integration tests wait on real servers (workflow rollouts, ladders running in seconds):
// a generous per-test limit; each test still fails fast on its own `eventually` deadlines.
jest.setTimeout(180_000);
