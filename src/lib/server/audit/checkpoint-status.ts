import { statement } from '../db';
import {
	check,
	digestOf,
	findRow,
	summary,
	type CheckpointCheck,
	type CheckpointSummary
} from './checkpoint';

/** What the auditor's screen and the printed 検証記録 say about the checkpoints. */
/**
 * The checkpoint in force, for the 検証記録 (certificate page, contract record): its number, digest
 * and time, so a printout can be matched to the trail later. Read at most once a minute (the
 * certificate page is the busiest page; checkpoints come hourly): a page printed in the minute
 * after a new checkpoint names the one before, which also precedes the print.
 */
let inForceCache:
	{ value: Pick<CheckpointSummary, 'id' | 'digest' | 'at'> | null; until: number } | undefined;
export async function inForce() {
	if (inForceCache && inForceCache.until > Date.now()) return inForceCache.value;
	const row = await findRow();
	const value = row && {
		id: Number(row.id),
		digest: digestOf(row.payload),
		at: new Date(row.at).toISOString()
	};
	inForceCache = { value, until: Date.now() + 60_000 };
	return value;
}

/** The last checkpoint examined for the screen: its signed text is parsed once, not per view. */
let examined: CheckpointCheck | undefined;

/**
 * For the auditor's screen, cheap enough for every page view: the latest checkpoint (its
 * signature checked once), and whether the organisation's lanes still hold each event it
 * recorded: one indexed lookup per lane. The full walk of every hash stays with `audit verify`
 * (docs/AUDIT.md).
 */
export async function statusFor(organizationId: string) {
	const [latest] = await statement<{ id: string | number }>(
		`select id from audit_checkpoint order by id desc limit 1`,
		[]
	);
	if (!latest) return null;
	if (examined?.id !== Number(latest.id)) examined = (await check(Number(latest.id)))!;
	const checkpoint = examined;
	if (checkpoint.problem) return { checkpoint: summary(checkpoint), state: 'unusable' as const };
	const base = `org:${organizationId}`;
	const mine = checkpoint.heads.filter((h) => h.chain === base || h.chain.startsWith(`${base}/`));
	const found = await statement<{ ok: boolean | null }>(
		`select e.hash = k.hash as ok
		from jsonb_to_recordset($1::text::jsonb) as k(chain text, seq bigint, hash text)
		left join audit_event e on e.chain = k.chain and e.seq = k.seq`,
		[JSON.stringify(mine)]
	);
	const intact = found.every((r) => r.ok === true);
	return {
		checkpoint: summary(checkpoint),
		state: intact ? ('intact' as const) : ('broken' as const)
	};
}
