/**
 * Who did something, as one member of an organisation is shown another's work: "You" or "Another
 * member", never a name or an address (accounts are not named to each other: docs/security.md).
 */
export function memberLabel(byYou: boolean): 'You' | 'Another member' {
  return byYou ? 'You' : 'Another member';
}
