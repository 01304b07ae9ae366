import { desc, sql } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { auditCheckpoint } from '../db/schema';
import { log } from '../common/log';
import { currentHeads, store, type CheckpointSummary } from './checkpoint';

/**
 * The server's hourly checkpoint (AUDIT_CHECKPOINT_MINUTES): one instance at a time (an advisory
 * lock; the others skip), and only when the last one is older than the interval and some
 * lane's head has moved since. Returns null when nothing was written.
 */
export async function createIfDue(minutes: number): Promise<CheckpointSummary | null> {
	return db.transaction(async (tx) => {
		const [{ locked }] = rowsOf<{ locked: boolean }>(
			await tx.execute(sql`select pg_try_advisory_xact_lock(4242003) as locked`)
		);
		if (!locked) return null;
		const [last] = await tx
			.select()
			.from(auditCheckpoint)
			.orderBy(desc(auditCheckpoint.id))
			.limit(1);
		if (last && Date.now() - new Date(last.at).getTime() < minutes * 60_000 - 5_000) return null;
		const heads = await currentHeads(tx);
		const same = (signed: string) =>
			JSON.stringify(JSON.parse(signed).heads) ===
			JSON.stringify(heads.map((h) => [h.chain, h.seq, h.hash]));
		if (last && same(last.payload)) return null;
		return store(heads, tx);
	});
}

/**
 * The server's own checkpoints, every AUDIT_CHECKPOINT_MINUTES (default 60; 0 turns them off),
 * the first a minute after start. Safe with several instances (createIfDue). Returns the
 * function that stops it; the timers never keep the process alive.
 */
export function schedule(minutes = Number(process.env.AUDIT_CHECKPOINT_MINUTES ?? 60)): () => void {
	if (!(minutes > 0)) return () => {};
	const tick = () =>
		createIfDue(minutes).then(
			(made) =>
				made &&
				log.info(
					{ checkpoint: made.id, digest: made.digest, events: made.events },
					'audit checkpoint'
				),
			(error) => log.warn({ err: String(error) }, 'audit checkpoint failed; tried again next time')
		);
	const first = setTimeout(tick, 60_000).unref();
	const every = setInterval(tick, minutes * 60_000).unref();
	return () => {
		clearTimeout(first);
		clearInterval(every);
	};
}
