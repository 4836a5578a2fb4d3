/**
 * The analysis's time budget, checked from inside the tree walks the rules and analyses make:
 * one rule's handler can walk a whole subtree per node (a 10,000-link chain makes that
 * quadratic), so a check between handlers alone would not bound the overrun.
 */
export class OverBudget extends Error {
  constructor() {
    super('over the time budget');
    this.name = 'OverBudget';
  }
}

/** How many visited nodes pass between clock reads: a read costs about as much as a few hundred visits. */
const CHECK_EVERY = 512;

let deadline = Infinity;
let sinceCheck = 0;

/** Runs `work` with the budget ending at `until` (a `performance.now()` time); the previous budget is restored after. */
export function withDeadline<T>(until: number, work: () => T): T {
  const outer = deadline;
  deadline = until;
  sinceCheck = 0;
  try {
    return work();
  } finally {
    deadline = outer;
  }
}

/** True once the current budget has run out. */
export function pastDeadline(): boolean {
  return performance.now() > deadline;
}

/** Called once per visited node by the walks: throws `OverBudget` when the budget has run out. */
export function tick(): void {
  if (++sinceCheck < CHECK_EVERY) return;
  sinceCheck = 0;
  if (deadline !== Infinity && performance.now() > deadline) throw new OverBudget();
}
