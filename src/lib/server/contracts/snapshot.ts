import type { CertificateVersion } from '../db/schema';

/**
 * What a contract file remembers of each attached guarantee when the clerk last checked it, so
 * that the next stage (the advance request, months later) shows what changed since: a new change
 * certificate (版), amounts, dates, the status.
 */
export const SNAPSHOT_FIELDS = [
	'version',
	'status',
	'guaranteeAmount',
	'advancePaymentAmount',
	'guaranteeEndOn',
	'contractAmount',
	'worksEndOn'
] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];
export type Snapshot = Record<SnapshotField, string | number | null>;
export type Difference = { field: SnapshotField; from: unknown; to: unknown };

export function snapshotOf(latest: CertificateVersion, status: string): Snapshot {
	return Object.fromEntries(
		SNAPSHOT_FIELDS.map((f) => [f, f === 'status' ? status : latest[f]])
	) as Snapshot;
}

/** Nothing before the first check; afterwards each field whose value is not the same. */
export function differencesOf(before: unknown, now: Snapshot): Difference[] {
	if (!before || typeof before !== 'object') return [];
	const was = before as Partial<Snapshot>;
	return SNAPSHOT_FIELDS.filter((f) => (was[f] ?? null) !== now[f]).map((field) => ({
		field,
		from: was[field] ?? null,
		to: now[field]
	}));
}
