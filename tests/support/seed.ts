import * as checkpoints from '../../src/lib/server/audit/checkpoint';
import * as issuers from '../../src/lib/server/issuing/issuers';
import * as organizations from '../../src/lib/server/identity/organizations';
import * as users from '../../src/lib/server/identity/users';
import { loadDemo, DEMO_PASSWORD } from '../../src/lib/server/demo/load';
import { localContext } from '../../src/lib/server/identity/request-context';
import { actingFor, type OperatorCaller } from '../../src/lib/server/identity/caller';
import { seedIssuers } from './seed-issuers';
import { seedGuarantees } from './seed-guarantees';
import { seedContractGuarantees, seedRulesOrganization } from './seed-contracts';
import { seedScreens } from './seed-screens';
import { seedLocks } from './seed-locks';

/**
 * Fixtures for the browser tests, on top of the demo data. Tests that change state (disable a
 * user, lock an account) get users of their own here, so tests never depend on each other.
 */
export const E2E_PASSWORD = 'e2e-password-2026';

export async function seed() {
	const demo = await loadDemo();
	const operator: OperatorCaller = {
		kind: 'operator',
		label: 'e2e-seed',
		context: localContext('e2e-seed')
	};
	const extra: Record<string, { organizationCode: string; username: string; password: string }> =
		{};
	/** A user of `org` for the tests, remembered under `name` with its sign-in. */
	async function addUser(
		org: { id: string; code: string },
		name: string,
		role: users.Role,
		username = `e2e-${name.toLowerCase()}`
	) {
		await users.add(actingFor(operator, org.id), { username, role, password: E2E_PASSWORD });
		extra[name] = { organizationCode: org.code, username, password: E2E_PASSWORD };
	}
	const shirako = (await organizations.findByCode('124249'))!;
	await addUser(shirako, 'toBeDisabled', 'clerk');
	await addUser(shirako, 'throttled', 'clerk');
	await addUser(shirako, 'rotating', 'clerk');
	await addUser(shirako, 'adminForTests', 'admin');
	await addUser(shirako, 'verifyLocked', 'clerk');
	await addUser(shirako, 'attachClerk', 'clerk');
	await addUser(shirako, 'passwordChanger', 'clerk');
	await addUser(shirako, 'deviceOwner', 'clerk');
	// Issue 7: an auditor of 長生村, to read the denied events the tenant matrix leaves in that
	// organisation's trail; and an organisation of its own (一宮町) for the hostile-input tests,
	// whose random keys may lock the organisation's verification without touching other tests.
	const chosei = (await organizations.findByCode('124231'))!;
	await addUser(chosei, 'choseiAuditor', 'auditor', 'e2e-chosei-auditor');
	const ichinomiya = await organizations.add({ code: '124214', name: '一宮町' });
	await addUser(ichinomiya, 'hostileClerk', 'clerk');
	await addUser(ichinomiya, 'hostileAdmin', 'admin');
	// The hostile-input tests' own issuer: one token per property, so no rate limit is shared.
	const hostileIssuer = await issuers.add({
		code: `e2e-h-${Date.now().toString(36)}`,
		name: 'E2E検査保証株式会社'
	});
	// Issue 14: 睦沢町 for the rules test (its admin changes what every file of it follows).
	const rulesOrganization = await seedRulesOrganization();
	const mutsuzawa = {
		id: rulesOrganization.organization.id,
		code: rulesOrganization.organization.code
	};
	await addUser(mutsuzawa, 'rulesClerk', 'clerk');
	await addUser(mutsuzawa, 'rulesAdmin', 'admin');
	const hostileTokens = [];
	for (let i = 0; i < 7; i++)
		hostileTokens.push((await issuers.createToken(hostileIssuer.id)).token);
	const seeded = {
		demo,
		demoPassword: DEMO_PASSWORD,
		users: extra,
		hostileIssuer: { tokens: hostileTokens },
		issuers: await seedIssuers(),
		guarantees: await seedGuarantees(),
		contractGuarantees: await seedContractGuarantees(),
		rulesOrganization,
		screens: await seedScreens(E2E_PASSWORD),
		// The locks page: 長柄町 and an admin of 一宮町 (made above).
		locks: await seedLocks(E2E_PASSWORD)
	};
	// A signed checkpoint for the audit screen and the printed records (the server signs the next).
	return { ...seeded, checkpoint: await checkpoints.create() };
}

export type Seed = Awaited<ReturnType<typeof seed>> & { dataDir: string };
