import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import * as audit from './append';
import * as checkpoints from './checkpoint';
import { createIfDue } from './checkpoint-schedule';
import { statusFor } from './checkpoint-status';
import { engine } from '../db';
import { makeOrganization, operator, testContext } from '../testing/fixtures';
import { asSuperuser, noSuperuser } from '../testing/superuser';

const append = (organizationId: string) =>
	audit.record({
		action: 'certificate.view',
		outcome: 'success',
		actor: operator,
		context: testContext,
		organizationId
	});

describe('signed checkpoints', () => {
	it('sign the head of every lane, and the audit screen finds its lanes still holding them', async () => {
		const org = await makeOrganization();
		const last = await append(org.id);
		const made = await checkpoints.create();
		const checked = (await checkpoints.check(made.id))!;
		expect(checked.problem).toBeNull();
		expect(checked.heads).toContainEqual({ chain: last.chain, seq: last.seq, hash: last.hash });
		expect(checked.events).toBe(checked.heads.reduce((sum, h) => sum + h.seq, 0));
		const status = await statusFor(org.id);
		expect(status?.checkpoint.id).toBeGreaterThanOrEqual(made.id);
		expect(status?.state).toBe('intact');
	});

	it.skipIf(noSuperuser)('the audit screen says so when a checkpointed event is gone', async () => {
		const org = await makeOrganization();
		const last = await append(org.id);
		await checkpoints.create();
		await asSuperuser(async (run) => {
			await run(`alter table audit_event disable trigger audit_event_no_update`);
			await run(`delete from audit_event where id = $1`, [last.id]);
			await run(`alter table audit_event enable trigger audit_event_no_update`);
		});
		expect((await statusFor(org.id))?.state).toBe('broken');
	});

	it.skipIf(engine === 'postgres')(
		'the server signs one only when due and the trail grew (PGlite: a database of its own)',
		async () => {
			const org = await makeOrganization();
			await append(org.id);
			expect(await createIfDue(1e-9)).not.toBeNull();
			// Nothing appended since: nothing to sign.
			expect(await createIfDue(1e-9)).toBeNull();
			await append(org.id);
			// Appended, but the last one is younger than the interval.
			expect(await createIfDue(60)).toBeNull();
			expect(await createIfDue(1e-9)).not.toBeNull();
		}
	);

	it.skipIf(engine !== 'postgres')(
		'one instance signs at a time: while another holds the lock, the rest skip',
		async () => {
			const org = await makeOrganization();
			await append(org.id);
			const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
			try {
				await other.begin(async (tx) => {
					await tx`select pg_advisory_xact_lock(4242003)`;
					expect(await createIfDue(1e-9)).toBeNull();
				});
				await append(org.id);
				expect(await createIfDue(1e-9)).not.toBeNull();
			} finally {
				await other.end();
			}
		}
	);
});
