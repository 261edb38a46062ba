// The marker `ValueView.literal()` puts where a value cannot be resolved, so rules can judge the rest.

/** Stands for an unresolved value inside an otherwise literal structure (shared by symbol registry, no import cycle). */
export const UNKNOWN: unique symbol = Symbol.for('secure-iac.unknown') as never;
export type Unknown = typeof UNKNOWN;

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}
