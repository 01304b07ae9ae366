import * as issuers from '../../src/lib/server/issuing/issuers';
import * as organizations from '../../src/lib/server/identity/organizations';
import * as users from '../../src/lib/server/identity/users';
import { localContext } from '../../src/lib/server/identity/request-context';
import { actingFor, type OperatorCaller } from '../../src/lib/server/identity/caller';
import { makeGuarantee } from '../../src/lib/server/testing/fixtures';

/**
 * Issue 15 (screens people can read): 長南町, an organisation of its own, so the wrong keys its
 * tests type (a lock, the trail that led to it) never meet another test's limits, with named
 * users (the trail shows 長南 一郎 beside his login) and guarantees of its own.
 */
export async function seedScreens(password: string) {
	const org = await organizations.add({ code: '124273', name: '長南町' });
	const issuer = (await issuers.findByCode('ejcs'))!;
	const operator: OperatorCaller = {
		kind: 'operator',
		label: 'e2e-seed',
		context: localContext('e2e-seed')
	};
	const people = {
		attemptsClerk: ['e2e-chonan-attempts', '長南 一郎', 'clerk'],
		lockClerk: ['e2e-chonan-lock', '長南 二郎', 'clerk'],
		purposeClerk: ['e2e-chonan-purpose', '長南 三郎', 'clerk'],
		freshClerk: ['e2e-chonan-fresh', '長南 四郎', 'clerk'],
		fileClerk: ['e2e-chonan-file', '長南 六郎', 'clerk'],
		leaver: ['e2e-chonan-leaver', '長南 五郎', 'clerk'],
		auditor: ['e2e-chonan-kansa', '長南 監査', 'auditor'],
		admin: ['e2e-chonan-admin', '長南 管理', 'admin']
	} as const;
	const signIns = {} as Record<
		keyof typeof people,
		{ organizationCode: string; username: string; password: string }
	>;
	for (const [name, [username, displayName, role]] of Object.entries(people)) {
		await users.add(actingFor(operator, org.id), { username, displayName, role, password });
		signIns[name as keyof typeof people] = { organizationCode: org.code, username, password };
	}
	// The number that locks names its issuing office (API.md §4) on the locked screen.
	const office = { issuingOfficeName: '千葉支店', issuingOfficePhone: '043-241-6101' };
	const guarantee = async (
		guaranteeNumber: string,
		fields = {},
		kind: 'contract' | 'advance_payment' = 'advance_payment'
	) => {
		const { id, authKey } = await makeGuarantee({
			organizationId: org.id,
			issuerId: issuer.id,
			kind,
			guaranteeNumber,
			original: { ordererName: '長南町長 長南 太郎', ...fields }
		});
		return { id, guaranteeNumber, authKey };
	};
	return {
		users: signIns,
		guarantees: {
			toLock: await guarantee('N-2026-0001', office),
			forPurpose: await guarantee('N-2026-0002'),
			toLockForAudit: await guarantee('N-2026-0003'),
			forUpload: await guarantee('N-2026-0004'),
			// For the 案件 page's attach form: a notice file, and a number that locks there.
			forFile: await guarantee('N-2026-0005', {}, 'contract'),
			toLockOnFile: await guarantee('N-2026-0006', office, 'contract')
		}
	};
}
