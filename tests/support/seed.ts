import * as organizations from '../../src/lib/server/organizations';
import * as users from '../../src/lib/server/users';
import { loadDemo, DEMO_PASSWORD } from '../../src/lib/server/demo';
import { localContext } from '../../src/lib/server/request-context';
import { seedIssuers } from './seed-issuers';
import { seedGuarantees } from './seed-guarantees';
import { seedContractGuarantees } from './seed-contracts';

/**
 * Fixtures for the browser tests, on top of the demo data. Tests that change state (disable a
 * user, lock an account) get users of their own here, so tests never depend on each other.
 */
export const E2E_PASSWORD = 'e2e-password-2026';

export async function seed() {
	const demo = await loadDemo();
	const actor = { type: 'operator' as const, label: 'e2e-seed' };
	const context = localContext('e2e-seed');
	const shirako = (await organizations.findByCode('124249'))!;
	const extra: Record<string, { organizationCode: string; username: string; password: string }> =
		{};
	for (const [name, role] of [
		['toBeDisabled', 'clerk'],
		['throttled', 'clerk'],
		['rotating', 'clerk'],
		['adminForTests', 'admin'],
		['verifyLocked', 'clerk']
	] as const) {
		const username = `e2e-${name.toLowerCase()}`;
		await users.add(
			{ organizationId: shirako.id, username, role, password: E2E_PASSWORD },
			actor,
			context
		);
		extra[name] = { organizationCode: shirako.code, username, password: E2E_PASSWORD };
	}
	return {
		demo,
		demoPassword: DEMO_PASSWORD,
		users: extra,
		issuers: await seedIssuers(),
		guarantees: await seedGuarantees(),
		contractGuarantees: await seedContractGuarantees()
	};
}

export type Seed = Awaited<ReturnType<typeof seed>> & { dataDir: string };
