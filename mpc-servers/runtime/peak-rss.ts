/** This process's peak resident set size so far, in MiB (logged with each task's outcome). */
export function peakRssMiB(): number {
  // maxRSS is in kibibytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
