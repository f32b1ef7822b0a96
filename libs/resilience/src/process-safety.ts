import { isUnavailable } from './error-kind';

/**
 * A dependency that drops its connections (a database or Redis restart) can surface
 * as an unhandled rejection deep inside a driver. Those are logged and the process
 * keeps serving (the supervisor would restart it, but in-flight work would be cut);
 * anything else still crashes the process, as Node does by default.
 */
export function survivePassingOutages(log: (message: string) => void): void {
  process.on('unhandledRejection', (reason) => {
    if (isUnavailable(reason)) {
      log(`a dependency dropped a connection (unhandled, survived): ${reason instanceof Error ? reason.message : String(reason)}`);
      return;
    }
    throw reason;
  });
}
