// A reviewer's decision on one entitlement's hand-overs, as the calls that make it: the chosen one
// stands (one call, when it did not stand already; the one that stood becomes a duplicate of it on
// the server), then each other hand-over that is (now) a conflict gets its review when it still
// needs one, or when the reviewer says the others were due. No I/O.

export type Others = 'duplicate_confirmed' | 'accepted';
export type Decision = { id: string; decision: Others | 'stands' };
type Handover = { id: string; status: 'standing' | 'conflict'; review: string | null };

/** `stands`: a hand-over's id, or 'none' (only when none stands now). */
export function decisionCalls(redemptions: readonly Handover[], stands: string, others: Others): Decision[] {
  const standing = redemptions.find((r) => r.status === 'standing');
  const calls: Decision[] = [];
  const swap = stands !== 'none' && stands !== standing?.id;
  if (swap) calls.push({ id: stands, decision: 'stands' });
  for (const r of redemptions) {
    if (r.id === stands) continue;
    const demoted = swap && r.id === standing?.id; // reviewed as a duplicate by "stands"
    if (r.status !== 'conflict' && !demoted) continue;
    if (others === 'accepted' || (!demoted && r.review === 'open')) calls.push({ id: r.id, decision: others });
  }
  return calls;
}
