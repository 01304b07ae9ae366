/**
 * Who may change anything. Auditors (監査) read and export the organisation's trail and read what
 * its clerks did; they change nothing (DESIGN.md "Who uses it"). The server refuses their writes
 * (http/guard.ts); pages use this to leave out the forms they could not use.
 */
export type Role = 'clerk' | 'admin' | 'auditor';
export const WRITERS: readonly Role[] = ['clerk', 'admin'];
export const mayChange = (role: Role | undefined | null) => !!role && WRITERS.includes(role);
