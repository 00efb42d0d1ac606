// The sandbox's clock: token expiry and timestamps read it. Tests inject `now`; the control API
// moves it forward in a running process (POST /_sandbox/clock).

export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(base: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}
