import { recordedAs } from '../lib/server/identity/caller';
import { readFileSync } from 'node:fs';
import * as audit from '../lib/server/audit/append';
import type { ChainHead } from '../lib/server/audit/chain';
import * as checkpoints from '../lib/server/audit/checkpoint';
import { verify, type VerifyResult } from '../lib/server/audit/verify';
import { operator, UsageError, type Command } from './cli-support';

/** `audit verify` and `audit checkpoint` (shared/API.md §2 and §4, docs/AUDIT.md). */
function readAnchors(file: string): ChainHead[] {
	const saved = JSON.parse(readFileSync(file, 'utf8')) as { heads?: ChainHead[] };
	if (!Array.isArray(saved.heads))
		throw new UsageError(`${file} has no "heads" (an audit verify --json output)`);
	return saved.heads;
}

const SHOWN = 20;

function report(result: VerifyResult): string {
	const c = result.checkpoint;
	const lines = [
		c
			? `Checked against checkpoint #${c.id} (${c.digest}) of ${c.at}: ${c.chains} chains, ${c.events} events` +
				(c.problem ? ` — NOT USABLE: ${c.problem}` : '')
			: 'No checkpoint yet (npm run cli -- audit checkpoint): truncation cannot be detected',
		...result.broken
			.slice(0, SHOWN)
			.map(
				(b) =>
					`Audit chain ${b.chain} is broken at seq ${b.seq}` +
					(b.id >= 0 ? ` (event id ${b.id})` : '') +
					`: ${b.problem}`
			),
		...(result.broken.length > SHOWN ? [`… and ${result.broken.length - SHOWN} more`] : []),
		...result.headless.map((h) => `Lane ${h.chain} has no head row: ${h.events} event(s)`),
		...result.guards.map((problem) => `Database guard: ${problem}`)
	];
	lines.push(
		result.ok
			? `Audit trail intact: ${result.events} events in ${result.chains} chains`
			: `Audit trail NOT intact (${result.events} events read in ${result.chains} chains)`
	);
	return lines.join('\n');
}

export const auditCommands: Record<string, Command> = {
	'audit verify': {
		usage:
			'[--against heads.json] [--checkpoint <id>] walks every audit chain, checks it against the latest signed checkpoint; exit 1 naming each broken chain',
		options: { against: { type: 'string' }, checkpoint: { type: 'string' } },
		async run(values) {
			// A `--json` output of an earlier run, kept elsewhere: catches a chain rewritten whole.
			const anchors = typeof values.against === 'string' ? readAnchors(values.against) : [];
			const checkpoint =
				typeof values.checkpoint === 'string' ? Number(values.checkpoint) : undefined;
			if (checkpoint !== undefined && !Number.isSafeInteger(checkpoint))
				throw new UsageError('--checkpoint takes the id of a checkpoint');
			const result = await verify({ anchors, checkpoint });
			return { json: result, text: report(result), exitCode: result.ok ? 0 : 1 };
		}
	},
	'audit checkpoint': {
		usage: 'signs the head of every audit chain with the checkpoint key and stores it',
		options: {},
		async run() {
			const made = await checkpoints.create();
			await audit.record({
				action: 'audit.checkpoint',
				outcome: 'success',
				...recordedAs(operator),
				detail: { checkpoint: made.id, digest: made.digest, events: made.events }
			});
			return {
				json: made,
				text: `Checkpoint #${made.id} (${made.digest}) at ${made.at}: ${made.chains} chains, ${made.events} events, signed with ${made.keyId}`
			};
		}
	}
};
