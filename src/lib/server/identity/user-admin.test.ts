import { describe, expect, it } from 'vitest';
import { addUser } from './user-admin';
import * as users from './users';
import type { SessionUser } from './sessions';
import { asCaller, makeOrganization, makeUser } from '../testing/fixtures';

describe('an admin adds a user', () => {
	it('names a bad login name, a bad role and a taken name; else shows the password once', async () => {
		const org = await makeOrganization();
		const made = await makeUser(org.id, 'admin');
		const admin: SessionUser = {
			id: made.id,
			username: made.username,
			displayName: made.displayName,
			role: 'admin',
			mustChangePassword: false,
			organizationId: org.id,
			organizationCode: org.code,
			organizationName: org.name
		};
		const caller = asCaller(admin);
		const values = { username: 'Tanaka', displayName: '田中 花子', role: 'clerk' };
		expect(await addUser(caller, { ...values, username: '-x' })).toEqual({
			error: 'invalidUsername'
		});
		expect(await addUser(caller, { ...values, role: 'root' })).toEqual({
			error: 'invalidRole'
		});
		const added = await addUser(caller, values);
		expect(added).toEqual({ username: 'tanaka', password: expect.any(String) });
		expect(await addUser(caller, values)).toEqual({ error: 'duplicate' });
		const listed = (await users.list(org.id)).find((u) => u.username === 'tanaka');
		expect(listed).toMatchObject({
			displayName: '田中 花子',
			role: 'clerk',
			mustChangePassword: true
		});
	});
});
