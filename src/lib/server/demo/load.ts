import * as organizations from '../identity/organizations';
import * as users from '../identity/users';
import { actingFor, type OperatorCaller } from '../identity/caller';
import { localContext } from '../identity/request-context';
import { loadDemoIssuer } from './issuer';
import { writeDemoNotices } from '../issuing/notices';

/**
 * Demo data a newcomer can sign in to at once. Idempotent: run at every `npm start`, it adds
 * what is missing and leaves the rest alone, so the printed logins stay true.
 */
export const DEMO_PASSWORD = 'kensho-demo-2026';

const ORGANIZATIONS = [
	{ code: '124249', name: '白子町' },
	{ code: '124231', name: '長生村' }
];

const USERS = [
	{ organizationCode: '124249', username: 'tanaka', displayName: '田中 花子', role: 'clerk' },
	{ organizationCode: '124249', username: 'admin', displayName: '鈴木 一郎', role: 'admin' },
	{ organizationCode: '124249', username: 'kansa', displayName: '佐藤 次郎', role: 'auditor' },
	{ organizationCode: '124231', username: 'yamada', displayName: '山田 三郎', role: 'clerk' }
] as const;

export interface DemoResult {
	users: { organizationCode: string; username: string; password: string; role: string }[];
	keys: { guaranteeNumber: string; authKey: string; kind: string }[];
	/** Printable notices (お知らせ) for the demo keys, in DATA_DIR/notices/. */
	noticeFiles: string[];
}

export async function loadDemo(): Promise<DemoResult> {
	const operator: OperatorCaller = {
		kind: 'operator',
		label: 'demo',
		context: localContext('demo')
	};
	const context = operator.context;
	for (const org of ORGANIZATIONS) {
		if (!(await organizations.findByCode(org.code))) await organizations.add(org);
	}
	for (const user of USERS) {
		if (await users.findByOrgCode(user.organizationCode, user.username)) continue;
		const org = (await organizations.findByCode(user.organizationCode))!;
		await users.add(actingFor(operator, org.id), { ...user, password: DEMO_PASSWORD });
	}
	const keys = await loadDemoIssuer(context);
	const noticeFiles = await writeDemoNotices(keys);
	return {
		noticeFiles,
		users: USERS.map((u) => ({
			organizationCode: u.organizationCode,
			username: u.username,
			password: DEMO_PASSWORD,
			role: u.role
		})),
		keys: keys.map(({ guaranteeNumber, authKey, kind }) => ({ guaranteeNumber, authKey, kind }))
	};
}
