import * as issuers from '../../src/lib/server/issuing/issuers';
import * as organizations from '../../src/lib/server/identity/organizations';
import * as users from '../../src/lib/server/identity/users';
import { localContext } from '../../src/lib/server/identity/request-context';
import { makeGuarantee } from '../../src/lib/server/testing/fixtures';

/**
 * Issue 15 (screens people can read): 睦沢町, an organisation of its own, so the wrong keys its
 * tests type (a lock, the trail that led to it) never meet another test's limits, with named
 * users (the trail shows 睦沢 一郎 beside his login) and guarantees of its own.
 */
export async function seedScreens(password: string) {
	const org = await organizations.add({ code: '124222', name: '睦沢町' });
	const issuer = (await issuers.findByCode('ejcs'))!;
	const actor = { type: 'operator' as const, label: 'e2e-seed' };
	const context = localContext('e2e-seed');
	const people = {
		attemptsClerk: ['e2e-mutsu-attempts', '睦沢 一郎', 'clerk'],
		lockClerk: ['e2e-mutsu-lock', '睦沢 二郎', 'clerk'],
		purposeClerk: ['e2e-mutsu-purpose', '睦沢 三郎', 'clerk'],
		freshClerk: ['e2e-mutsu-fresh', '睦沢 四郎', 'clerk'],
		leaver: ['e2e-mutsu-leaver', '睦沢 五郎', 'clerk'],
		auditor: ['e2e-mutsu-kansa', '睦沢 監査', 'auditor'],
		admin: ['e2e-mutsu-admin', '睦沢 管理', 'admin']
	} as const;
	const signIns = {} as Record<
		keyof typeof people,
		{ organizationCode: string; username: string; password: string }
	>;
	for (const [name, [username, displayName, role]] of Object.entries(people)) {
		await users.add(
			{ organizationId: org.id, username, displayName, role, password },
			actor,
			context
		);
		signIns[name as keyof typeof people] = { organizationCode: org.code, username, password };
	}
	const guarantee = async (guaranteeNumber: string) => {
		const { id, authKey } = await makeGuarantee({
			organizationId: org.id,
			issuerId: issuer.id,
			guaranteeNumber,
			original: { ordererName: '睦沢町長 睦沢 太郎' }
		});
		return { id, guaranteeNumber, authKey };
	};
	return {
		users: signIns,
		guarantees: {
			toLock: await guarantee('M-2026-0001'),
			forPurpose: await guarantee('M-2026-0002'),
			toLockForAudit: await guarantee('M-2026-0003'),
			forUpload: await guarantee('M-2026-0004')
		}
	};
}
