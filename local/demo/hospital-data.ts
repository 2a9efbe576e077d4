import type { FieldSpec } from '../../contract/analysis/analysis-spec.ts';

/** The demo's patients: what each hospital knows about its own stays, and nothing about the others'. */
export const HOSPITAL_FIELDS: FieldSpec[] = [
  { name: 'age', type: 'int', min: 0, max: 110 },
  { name: 'stay_days', type: 'int', min: 0, max: 365 },
  // Cents, 8 fractional bits: encoding moves a bill by at most 2^-9 (about 0.002).
  { name: 'bill', type: 'fixed', fractionalBits: 8, min: 0, max: 200000 },
  { name: 'bmi', type: 'fixed', fractionalBits: 16, min: 10, max: 60 },
];

/** A small seeded generator (mulberry32): the same seed gives the same hospitals on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Rows in HOSPITAL_FIELDS order. Each hospital has its own patient mix (older patients, longer stays), so the
 * joint figures differ from any one hospital's.
 */
export function generatePatients(seed: number, hospitalIndex: number, count: number): number[][] {
  const random = seededRandom(seed * 1009 + hospitalIndex);
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: count }, () => {
    const age = Math.round(clamp(45 + hospitalIndex * 6 + 18 * normal(), 0, 110));
    const stay = Math.round(
      clamp(2 + (age / 20) * random() * (1 + hospitalIndex) + 3 * Math.abs(normal()), 0, 365),
    );
    const bill = Math.round(clamp(1500 + stay * 2300 * (0.6 + random()), 0, 200000) * 100) / 100;
    const bmi = Math.round(clamp(26 + 4.5 * normal(), 10, 60) * 100) / 100;
    return [age, stay, bill, bmi];
  });
}

/** A CSV file as a hospital's export would be: a header naming the fields, then one row per line. */
export function toCsv(fields: readonly FieldSpec[], rows: readonly (readonly number[])[]): string {
  return [fields.map((field) => field.name).join(','), ...rows.map((row) => row.join(','))].join('\n') + '\n';
}
