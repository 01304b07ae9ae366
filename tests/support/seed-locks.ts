import * as issuers from '../../src/lib/server/issuing/issuers';
import * as organizations from '../../src/lib/server/identity/organizations';
import * as users from '../../src/lib/server/identity/users';
import { localContext } from '../../src/lib/server/identity/request-context';
import { actingFor, type OperatorCaller } from '../../src/lib/server/identity/caller';
import { makeGuarantee } from '../../src/lib/server/testing/fixtures';

/**
 * The locks page (tests/locks.e2e.ts): 長柄町, an organisation of its own, so the number its
 * clerk locks and its admin lifts meets no other test's counters; and an admin of another
 * organisation (一宮町, made earlier by the seed) who tries to lift 長柄町's lock by a forged form.
 */
export async function seedLocks(password: string) {
	const org = await organizations.add({ code: '124257', name: '長柄町' });
	const other = (await organizations.findByCode('124214'))!;
	const issuer = (await issuers.findByCode('ejcs'))!;
	const operator: OperatorCaller = {
		kind: 'operator',
		label: 'e2e-seed',
		context: localContext('e2e-seed')
	};
	const add = async (
		within: { id: string; code: string },
		username: string,
		displayName: string,
		role: users.Role
	) => {
		await users.add(actingFor(operator, within.id), { username, displayName, role, password });
		return { organizationCode: within.code, username, password };
	};
	const { id, guaranteeNumber, authKey } = await makeGuarantee({
		organizationId: org.id,
		issuerId: issuer.id,
		guaranteeNumber: 'G-2026-0001'
	});
	return {
		organizationId: org.id,
		users: {
			clerk: await add(org, 'e2e-nagara-clerk', '長柄 一郎', 'clerk'),
			admin: await add(org, 'e2e-nagara-admin', '長柄 管理', 'admin'),
			auditor: await add(org, 'e2e-nagara-kansa', '長柄 監査', 'auditor'),
			otherAdmin: await add(other, 'e2e-ichinomiya-locks', '一宮 管理', 'admin')
		},
		guarantee: { id, guaranteeNumber, authKey }
	};
}
