// V8 tuning for a short-lived scan process (the CLI), never for the language server, which keeps V8's defaults.
import { setFlagsFromString } from 'node:v8';

/**
 * A scan is a few seconds of code that runs once per file: with V8's default interrupt budget (66 KB of bytecode
 * executed before a function is considered for optimisation) the optimising compiler spends a quarter of the scan's
 * CPU on functions the scan then barely uses. Eight times the budget optimises only what is really hot. Measured on
 * the realworld corpus (docs/performance.md, "V8 flags"): CPU 4.65 s → 3.2–3.3 s, the report unchanged.
 * V8 flags are per process: the scan's worker threads, started after this, run with it too.
 */
export const SCAN_V8_FLAGS: readonly string[] = ['--interrupt-budget=540672'];

let applied = false;

/** Sets SCAN_V8_FLAGS for this process, once; call it before the scan's code runs (the CLI's scan and fix). */
export function tuneForShortScan(): void {
  if (applied) return;
  applied = true;
  for (const flag of SCAN_V8_FLAGS) setFlagsFromString(flag);
}

/** Input size from which a scan bounds its heap's growth (tuneForLargeScan). */
export const LARGE_SCAN_BYTES = 16 * 1024 * 1024;

let largeApplied = false;

/**
 * For a scan of LARGE_SCAN_BYTES or more: old generation grows by at most 25% after each full collection instead of
 * V8's speed-based 1.1–4×. The main thread's heap is not capped like a worker's (that can only be set at start), so on
 * the 10× corpus it grew to 575–585 MB RSS with mostly garbage; with this 293 MB, for about 18% more CPU (50%: 321 MB,
 * +11%). Read by V8 at each collection, so it takes effect when set at run time. Process-wide, CLI only.
 */
export function tuneForLargeScan(): void {
  if (largeApplied) return;
  largeApplied = true;
  setFlagsFromString('--heap-growing-percent=25');
}
