// Names of people, agents and groups are compared without regard to case: `Carol` and `carol` are one
// person, so `--acts-for Carol` must keep carol from approving. New identities are stored in this form;
// names stored before (and names that arrive from clients, such as a policy's approver group) are compared
// through it.

/** The one form of a name that comparisons use. */
export function canonicalName(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/** Whether two names are the same identity's (false when either is missing). */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && canonicalName(a) === canonicalName(b);
}
