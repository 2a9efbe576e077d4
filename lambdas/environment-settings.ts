/** A process environment, or any stand-in a test passes. */
export type Environment = Record<string, string | undefined>;

/** Reads settings from an environment, collecting every problem so that one error can name them all. */
export interface SettingsReader {
  /** The value, or '' with a problem noted when it is unset or empty. */
  required: (name: string) => string;
  /** The fallback when unset or empty; otherwise the value, with a problem noted unless an integer 1..max. */
  integer: (name: string, fallback: number, max: number) => number;
}

export function settingsReader(env: Environment, problems: string[]): SettingsReader {
  return {
    required: (name) => {
      const value = env[name];
      if (value === undefined || value === '') problems.push(`${name} is not set`);
      return value ?? '';
    },
    integer: (name, fallback, max) => {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      const value = Number(raw);
      if (!Number.isSafeInteger(value) || value < 1 || value > max)
        problems.push(`${name} must be an integer 1..${max}`);
      return value;
    },
  };
}
