// Seeds the database named by DATABASE_URL with the browser tests' data and prints it as JSON;
// with --clerks, also the benchmark's own clerks (`benchClerks`; the fault tests need none).
import { migrate } from '../src/lib/server/db/migrate';
import { closeDb } from '../src/lib/server/db';
import * as issuers from '../src/lib/server/issuing/issuers';
import * as organizations from '../src/lib/server/identity/organizations';
import { makeGuarantee, makeOrganization, makeUser } from '../src/lib/server/testing/fixtures';
import { seed } from '../tests/support/seed';

/** The most concurrent clerks a scenario simulates (bench/run.js: 1, 8 and 32). */
const CLERKS = 32;
/** Clerks per organisation: a large town's contract section. */
const PER_ORGANIZATION = 8;

/**
 * "N clerks" are N people, each with a guarantee of their own organisation to verify. One
 * clerk sending the same number from 32 connections is not what a town does, and it would meet
 * the key-attempt limits (docs/SECURITY.md): an attempt holds its place on the number's, the
 * clerk's and the organisation's counters until it is decided, so more than five attempts on
 * one number at once are refused by design. The first eight clerks are 白子町's.
 */
async function benchClerks() {
	const issuer = (await issuers.findByCode('ejcs'))!;
	const shirako = (await organizations.findByCode('124249'))!;
	const clerks = [];
	let organization = shirako;
	for (let i = 0; i < CLERKS; i++) {
		if (i > 0 && i % PER_ORGANIZATION === 0)
			organization = await makeOrganization(`ベンチ町${i / PER_ORGANIZATION}`);
		const user = await makeUser(organization.id, 'clerk');
		const guarantee = await makeGuarantee({
			organizationId: organization.id,
			issuerId: issuer.id
		});
		clerks.push({
			organizationCode: organization.code,
			username: user.username,
			password: user.password,
			guarantee: {
				id: guarantee.id,
				guaranteeNumber: guarantee.guaranteeNumber,
				authKey: guarantee.authKey
			}
		});
	}
	return clerks;
}

await migrate();
const seeded = await seed();
const clerks = process.argv.includes('--clerks') ? await benchClerks() : [];
process.stdout.write(JSON.stringify({ ...seeded, benchClerks: clerks }));
await closeDb();
