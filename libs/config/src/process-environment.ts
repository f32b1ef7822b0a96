/**
 * The process environment, read here and nowhere else (a lint rule forbids `process.env` outside libs/config,
 * tools/, tests/ and the bootstrap). Loaders of a library's own settings (accounts, notification channels)
 * take an environment map and default to this one, so every setting comes through libs/config.
 */
export function processEnvironment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
