/** A mistake in the command line itself (exit code 2), as opposed to an error from the library. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseIds(values: readonly string[], what = 'item id'): number[] {
  if (values.length === 0) throw new UsageError(`Give at least one ${what}`);
  return values.map((value) => {
    if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new UsageError(`Not an ${what}: "${value}"`);
    }
    return Number(value);
  });
}

export function parseCount(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,9}$/.test(value)) throw new UsageError(`--${option} needs a whole number, not "${value}"`);
  return Number(value);
}

/** `a,b` and repeated options both give lists. */
export function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const parts = values.flatMap((value) => value.split(',')).filter((part) => part.trim() !== '');
  return parts.length === 0 ? undefined : parts;
}
