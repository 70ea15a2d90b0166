/** What decides whether a paid level applies at an instant. */
export interface SubscriptionTerm {
  startedAt: number;
  currentPeriodEnd: number;
  /** false once cancelled: the level then runs out at the end of the paid period */
  autoRenew: boolean;
}

/**
 * An active subscription covers `at` from its start on; past the period end only while it renews
 * (a renewal that `renewDue` has not rolled yet must not cost the customer their level).
 */
export function covers(term: SubscriptionTerm, at: number): boolean {
  return at >= term.startedAt && (at < term.currentPeriodEnd || term.autoRenew);
}
