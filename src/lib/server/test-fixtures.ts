import * as organizations from './organizations';
import * as users from './users';
import type { Actor } from './audit';
import { checkDigit } from '../local-government-code';
import { localContext } from './request-context';

/** Test data helpers: every test makes its own tenants, so tests can share a database. */
export const testContext = localContext('test');
export const operator: Actor = { type: 'operator', label: 'test' };

let counter = 0;

/** A fresh, valid 全国地方公共団体コード not used by any other test in this run. */
export function uniqueOrgCode(): string {
	const base = String(10000 + ((process.pid * 7919 + Date.now() + counter++ * 104729) % 89999));
	return base + checkDigit(base);
}

export async function makeOrganization(name = 'テスト町') {
	for (;;) {
		const code = uniqueOrgCode();
		if (!(await organizations.findByCode(code))) return organizations.add({ code, name });
	}
}

export async function makeUser(
	organizationId: string,
	role: users.Role = 'clerk',
	password = 'correct horse battery'
) {
	const username = `u${crypto.randomUUID().slice(0, 8)}`;
	const { user } = await users.add(
		{ organizationId, username, role, password },
		operator,
		testContext
	);
	return { ...user, password };
}
