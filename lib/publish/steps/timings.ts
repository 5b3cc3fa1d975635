/** How long each step of content:publish took, printed at the end. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function stepTimer() {
  const started = performance.now();
  const timings: Array<[string, number]> = [];
  let last = started;
  return {
    /** Marks the end of the step `name`. */
    step(name: string) {
      const now = performance.now();
      timings.push([name, now - last]);
      last = now;
    },
    elapsed: () => performance.now() - started,
    summary: () =>
      `Steps: ${timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}; total ${seconds(performance.now() - started)}.`,
  };
}
