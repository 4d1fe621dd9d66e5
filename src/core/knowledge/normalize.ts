/** Names compare without case and punctuation: "Route 53", "route-53" and "ROUTE53 " differ only in spacing. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\+/g, ' plus ').replace(/[^a-z0-9]+/g, ' ').trim();
}
