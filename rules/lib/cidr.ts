// CIDR helpers: "the world" is any prefix of length 0, however the address is written.

/** `0.0.0.0/0`, `::/0`, `0:0:0:0:0:0:0:0/0`: every address. */
export function isWorldCidr(cidr: string): boolean {
  const m = /^\s*([0-9a-fA-F.:]+)\/0+\s*$/.exec(cidr);
  return m !== null;
}
