import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../db';
import { auditEvent, certificateVersion, guarantee, signedChange } from '../db/schema';
import * as guarantees from './guarantees';
import * as issuers from './issuers';
import { cancellationKid } from './signed-changes';
import {
	makeGuarantee,
	makeOrganization,
	makeSigningIssuer,
	testContext
} from '../testing/fixtures';
import { POST as amendRoute } from '../../../routes/api/v1/certificates/[id]/amendments/+server';
import { POST as cancelRoute } from '../../../routes/api/v1/certificates/[id]/cancellation/+server';
import { POST as reissueRoute } from '../../../routes/api/v1/certificates/[id]/auth-key/+server';

/**
 * Signed changes bound to their target and time (shared/API.md §4), through the endpoints'
 * real pipeline (token, Idempotency-Key, signature, schema, module) on a real database: a
 * signed amendment applies once, only to the guarantee it names, only while fresh, and an
 * Idempotency-Key retry still gets its first answer.
 */
const now = () => Math.floor(Date.now() / 1000);
const AMENDMENT = {
	amendedOn: '2026-12-10',
	reason: '増額',
	changes: { works: { contractAmount: 42_350_000 } }
};

async function signingIssuer(requireSignature = false) {
	const { issuer, sign } = await makeSigningIssuer('署名建設業保証', requireSignature);
	const { token } = await issuers.createToken(issuer.id);
	const org = await makeOrganization();
	const make = () => makeGuarantee({ organizationId: org.id, issuerId: issuer.id });
	/** Any of the three endpoints (each typed for its own route). */
	type Route = (event: never) => Response | Promise<Response>;
	/** Calls an endpoint as adapter-node would hand it the request. */
	async function call(
		route: Route,
		id: string,
		body?: string,
		headers: Record<string, string> = {}
	) {
		const url = `http://127.0.0.1/api/v1/certificates/${id}/x`;
		const request = new Request(url, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${token}`,
				...(body === undefined ? {} : { 'content-type': 'application/jose' }),
				...headers
			},
			body
		});
		const event = { request, params: { id }, url: new URL(url), locals: { context: testContext } };
		const response = await route(event as unknown as RequestEvent as never);
		return { status: response.status, headers: response.headers, body: await response.json() };
	}
	return { issuer, sign, make, call };
}

const versionsOf = async (id: string) =>
	(await db.select().from(certificateVersion).where(eq(certificateVersion.guaranteeId, id))).length;

describe('signed changes', () => {
	it('apply once: the same JWS again is 409, and the change is kept as received with its kid', async () => {
		const { sign, make, call } = await signingIssuer();
		const target = await make();
		const jws = await sign({ ...AMENDMENT, guaranteeNumber: target.guaranteeNumber, iat: now() });
		const first = await call(amendRoute, target.id, jws);
		expect(first).toMatchObject({ status: 201, body: { version: 2 } });
		const again = await call(amendRoute, target.id, jws);
		expect(again.status).toBe(409);
		expect(again.body.type).toBe('/problems/replayed');
		// The same JWS with its last character's spare bits changed verifies too: still a replay.
		const last = jws.at(-1)!;
		const twin = jws.slice(0, -1) + (last === 'A' ? 'B' : last === 'Q' ? 'R' : 'A');
		expect((await call(amendRoute, target.id, twin)).status).not.toBe(201);
		expect(await versionsOf(target.id)).toBe(2);
		const kept = await db
			.select()
			.from(signedChange)
			.where(eq(signedChange.guaranteeId, target.id));
		expect(kept).toMatchObject([{ action: 'amend', version: 2, jws, kid: 'k1', applied: true }]);
		const [v2] = await db
			.select()
			.from(certificateVersion)
			.where(and(eq(certificateVersion.guaranteeId, target.id), eq(certificateVersion.version, 2)));
		expect(v2).toMatchObject({ signatureKid: 'k1', rawSubmission: jws });
	});

	it('refuse a JWS that names another guarantee, and change neither', async () => {
		const { sign, make, call } = await signingIssuer();
		const [a, b] = [await make(), await make()];
		const jws = await sign({ ...AMENDMENT, guaranteeNumber: a.guaranteeNumber, iat: now() });
		const retargeted = await call(amendRoute, b.id, jws);
		expect(retargeted.status).toBe(422);
		expect(retargeted.body.errors).toEqual([
			{ path: '/guaranteeNumber', message: expect.stringContaining(b.guaranteeNumber) }
		]);
		const cancelA = await sign({
			cancelledOn: '2027-01-15',
			guaranteeNumber: a.guaranteeNumber,
			iat: now()
		});
		expect((await call(cancelRoute, b.id, cancelA)).status).toBe(422);
		expect(await versionsOf(b.id)).toBe(1);
		const [rowB] = await db.select().from(guarantee).where(eq(guarantee.id, b.id));
		expect(rowB.status).toBe('valid');
		// The JWS was not spent by the refusal: its own guarantee still takes it.
		expect((await call(amendRoute, a.id, jws)).status).toBe(201);
	});

	it('refuse a stale or future iat, and a signed change without the claims', async () => {
		const { sign, make, call } = await signingIssuer();
		const target = await make();
		const number = target.guaranteeNumber;
		// A minute past the ±600 s window each way: a loaded machine can take a second or more between
		// signing and the server's clock reading, which moved a +601 back inside the window.
		for (const iat of [now() - 660, now() + 660, 1.5, '1700000000']) {
			const refused = await call(
				amendRoute,
				target.id,
				await sign({ ...AMENDMENT, guaranteeNumber: number, iat })
			);
			expect(refused.status, String(iat)).toBe(422);
			expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['/iat']);
		}
		const bare = await call(amendRoute, target.id, await sign(AMENDMENT));
		expect(bare.status).toBe(422);
		expect(bare.body.errors.map((e: { path: string }) => e.path)).toEqual([
			'/guaranteeNumber',
			'/iat'
		]);
		expect(await versionsOf(target.id)).toBe(1);
		const fresh = await sign({
			...AMENDMENT,
			guaranteeNumber: number.toLowerCase(),
			iat: now() - 590
		});
		expect((await call(amendRoute, target.id, fresh)).status).toBe(201);
	});

	it('replay an Idempotency-Key retry’s first answer; another key with the same JWS is 409', async () => {
		const { sign, make, call } = await signingIssuer();
		const target = await make();
		const jws = await sign({ ...AMENDMENT, guaranteeNumber: target.guaranteeNumber, iat: now() });
		const key = { 'idempotency-key': `sc-${crypto.randomUUID()}` };
		const first = await call(amendRoute, target.id, jws, key);
		expect(first.status).toBe(201);
		const retry = await call(amendRoute, target.id, jws, key);
		expect(retry).toMatchObject({ status: 201, body: first.body });
		expect(retry.headers.get('idempotent-replayed')).toBe('true');
		const otherKey = { 'idempotency-key': `sc-${crypto.randomUUID()}` };
		expect((await call(amendRoute, target.id, jws, otherKey)).status).toBe(409);
		expect(await versionsOf(target.id)).toBe(2);
	});

	it('accept one of 20 copies of a JWS sent at once', async () => {
		const { sign, make, call } = await signingIssuer();
		const target = await make();
		const jws = await sign({ ...AMENDMENT, guaranteeNumber: target.guaranteeNumber, iat: now() });
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => call(amendRoute, target.id, jws))
		);
		const statuses = answers.map((a) => a.status).sort();
		expect(statuses).toEqual([201, ...Array(19).fill(409)]);
		expect(await versionsOf(target.id)).toBe(2);
	});

	it('need a signed reissue from an issuer that requires signatures; unsigned is 422', async () => {
		const { sign, make, call } = await signingIssuer(true);
		const target = await make();
		const unsigned = await call(reissueRoute, target.id);
		expect(unsigned.status).toBe(422);
		expect(unsigned.body.type).toBe('/problems/signature-required');
		const [before] = await db.select().from(guarantee).where(eq(guarantee.id, target.id));
		const jws = await sign({ guaranteeNumber: target.guaranteeNumber, iat: now() });
		const signed = await call(reissueRoute, target.id, jws);
		expect(signed.status).toBe(200);
		expect(signed.body.authKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
		expect((await call(reissueRoute, target.id, jws)).status).toBe(409);
		const [after] = await db.select().from(guarantee).where(eq(guarantee.id, target.id));
		expect(after.authKeyHash).not.toEqual(before.authKeyHash);
		const events = await db
			.select()
			.from(auditEvent)
			.where(
				and(eq(auditEvent.guaranteeId, target.id), eq(auditEvent.action, 'certificate.reissue-key'))
			);
		expect(events.map((e) => (e.detail as { signatureKid: string }).signatureKid)).toEqual(['k1']);
		// An unsigned issuer still reissues with an empty POST, as before.
		const plain = await signingIssuer(false);
		const other = await plain.make();
		expect((await plain.call(reissueRoute, other.id)).status).toBe(200);
	});

	it('keep a signed cancellation, shown as signed; a later one is kept but changed nothing', async () => {
		const { sign, make, call } = await signingIssuer();
		const target = await make();
		const claims = { guaranteeNumber: target.guaranteeNumber, iat: now() };
		const jws = await sign({ cancelledOn: '2027-01-15', reason: '契約解除', ...claims });
		expect((await call(cancelRoute, target.id, jws)).status).toBe(200);
		expect((await call(cancelRoute, target.id, jws)).status).toBe(409);
		const later = await sign({ cancelledOn: '2027-01-16', ...claims, iat: claims.iat + 1 });
		expect((await call(cancelRoute, target.id, later)).status).toBe(200);
		expect(await cancellationKid(target.id)).toBe('k1');
		const kept = await db
			.select()
			.from(signedChange)
			.where(eq(signedChange.guaranteeId, target.id));
		expect(kept.map((row) => [row.action, row.applied]).sort()).toEqual([
			['cancel', false],
			['cancel', true]
		]);
		const [row] = await db.select().from(guarantee).where(eq(guarantee.id, target.id));
		expect(row.cancelledOn).toBe('2027-01-15');
		// Amending a cancelled guarantee is refused, and does not spend the JWS either.
		const amendment = await sign({ ...AMENDMENT, ...claims });
		expect((await call(amendRoute, target.id, amendment)).status).toBe(409);
		expect(await versionsOf(target.id)).toBe(1);
	});

	it('leave unsigned changes as they were: no claims needed, none kept', async () => {
		const { make } = await signingIssuer();
		const target = await make();
		const caller = {
			kind: 'issuer' as const,
			issuer: { id: target.issuerId, type: 'surety' as const },
			tokenPrefix: 't',
			context: testContext
		};
		const raw = { text: JSON.stringify(AMENDMENT), contentType: 'application/json', kid: null };
		await guarantees.amend(caller, target.id, guarantees.amendmentInput.parse(AMENDMENT), {
			raw,
			binding: {}
		});
		await guarantees.amend(caller, target.id, guarantees.amendmentInput.parse(AMENDMENT), {
			raw,
			binding: {}
		});
		expect(await versionsOf(target.id)).toBe(3);
		expect(
			await db.select().from(signedChange).where(eq(signedChange.guaranteeId, target.id))
		).toEqual([]);
	});
});
