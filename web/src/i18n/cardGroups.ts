// The groups of a printed card number ("0001 0008"), each in the reader's digits: CardNumber
// (bidi.tsx) isolates each group so that their order holds in right-to-left text.

export function cardNumberGroups(printed: string, digitsOf: (s: string) => string): string[] {
  return printed.trim().split(/\s+/).map(digitsOf);
}
