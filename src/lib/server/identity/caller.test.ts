import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as audit from '../audit/append';
import { db } from '../db';
import * as issuers from '../issuing/issuers';
import { auditEvent } from '../db/schema';
import { makeOrganization, makeUser, testContext, userCaller } from '../testing/fixtures';
import { actorOf, callerFor, recordedAs, type Caller } from './caller';

/**
 * Who is calling becomes the audit trail's actor in one place (caller.ts `actorOf`). Pinned here
 * for every kind of caller, as the columns an auditor reads and the chain the event joins: a
 * change in how a caller is recorded must be a change of this test, never a side effect.
 */
const context = { requestId: 'req-caller-1', ip: '192.0.2.7', userAgent: 'Caller/1.0' };

describe('the caller, as the audit trail records it', () => {
	it('builds a user caller from a session and an anonymous one without', () => {
		const user = {
			id: '0b0d4a3c-1d2e-4f50-8a6b-7c8d9e0f1a2b',
			username: 'tanaka',
			displayName: '田中 花子',
			role: 'clerk' as const,
			mustChangePassword: false,
			organizationId: '6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b',
			organizationCode: '124249',
			organizationName: '白子町'
		};
		expect(callerFor({ user, session: { id: 's1' }, context })).toEqual({
			kind: 'user',
			user,
			sessionId: 's1',
			context
		});
		expect(callerFor({ user: null, session: null, context })).toEqual({
			kind: 'anonymous',
			context
		});
	});

	it('writes the same actor columns for each kind of caller', async () => {
		const org = await makeOrganization('発注町');
		const made = await makeUser(org.id, 'admin');
		const user = { ...userCaller(made, org), context };
		const issuer = await issuers.add({ code: `c${crypto.randomUUID().slice(0, 8)}`, name: '保証' });
		const issuerId = issuer.id;
		const callers: [Caller, { organizationId?: string; issuerId?: string }, object, string][] = [
			[
				user,
				{ organizationId: org.id },
				{
					actorType: 'user',
					actorId: made.id,
					actorLabel: `${org.code}/${made.username}`,
					organizationId: org.id
				},
				`org:${org.id}`
			],
			[
				{
					kind: 'issuer',
					issuer: { id: issuerId, type: 'surety' },
					tokenPrefix: 'kensho_abcdefghijklmnop',
					context
				},
				{ issuerId },
				{ actorType: 'issuer', actorId: issuerId, actorLabel: 'kensho_abcdefghijklmnop', issuerId },
				`issuer:${issuerId}`
			],
			[
				{ kind: 'operator', label: 'cli:root', context },
				{},
				{ actorType: 'operator', actorId: null, actorLabel: 'cli:root' },
				'operator'
			],
			[
				{ kind: 'anonymous', label: 'issuer-api', context },
				{},
				{ actorType: 'anonymous', actorId: null, actorLabel: 'issuer-api' },
				'portal'
			],
			[
				{ kind: 'anonymous', context },
				{},
				{ actorType: 'anonymous', actorId: null, actorLabel: null },
				'portal'
			]
		];
		for (const [caller, where, columns, chain] of callers) {
			const written = await audit.record({
				action: 'test.caller',
				outcome: 'success',
				...recordedAs(caller),
				...where
			});
			const [row] = await db.select().from(auditEvent).where(eq(auditEvent.id, written.id));
			expect(row).toMatchObject({
				...columns,
				requestId: 'req-caller-1',
				ip: '192.0.2.7',
				userAgent: 'Caller/1.0'
			});
			expect(row.chain.replace(/\/\d+$/, '')).toBe(chain);
		}
	});

	it('records a user by organisation code and login, whatever their display name', () => {
		const org = { id: crypto.randomUUID(), code: '124273', name: '長南町' };
		const user = {
			id: crypto.randomUUID(),
			username: 'sato',
			displayName: '佐藤',
			role: 'auditor' as const
		};
		expect(actorOf(userCaller(user, org))).toEqual({
			type: 'user',
			id: user.id,
			label: '124273/sato',
			organizationId: org.id
		});
		expect(recordedAs(userCaller(user, org)).context).toBe(testContext);
	});
});
