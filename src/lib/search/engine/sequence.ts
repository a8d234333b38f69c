/**
 * Latest request wins: a search started while another is running makes the older one
 * stale, so a slow answer never overwrites a newer one.
 */
export interface Sequencer {
  /** Starts a request; the returned function tells whether it is still the latest. */
  start(): () => boolean;
  /** Makes every running request stale. */
  cancel(): void;
}

export function createSequencer(): Sequencer {
  let latest = 0;
  return {
    start() {
      const mine = ++latest;
      return () => mine === latest;
    },
    cancel() {
      latest++;
    },
  };
}
