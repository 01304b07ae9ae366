import { describe, expect, it } from 'vitest';
import { addUser, list, setDisabled } from './user-admin';
import * as users from './users';
import type { SessionUser } from './sessions';
import { asCaller, makeOrganization, makeUser, userCaller } from '../testing/fixtures';

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

describe('an admin disables a user', () => {
	it('refuses themselves, asks first, and cannot reach another organisation', async () => {
		const org = await makeOrganization();
		const other = await makeOrganization();
		const admin = userCaller(await makeUser(org.id, 'admin'), org);
		const clerk = await makeUser(org.id, 'clerk');
		const outsider = await makeUser(other.id, 'clerk');
		expect(await setDisabled(admin, admin.user.id, true, true)).toEqual({ error: 'self' });
		expect(await setDisabled(admin, clerk.id, true, false)).toEqual({ confirm: clerk.username });
		expect((await list(admin)).find((u) => u.id === clerk.id)?.disabledAt).toBeNull();
		expect(await setDisabled(admin, outsider.id, true, true)).toEqual({ error: 'notFound' });
		expect(await setDisabled(admin, clerk.id, true, true)).toEqual({ username: clerk.username });
		expect((await list(admin)).find((u) => u.id === clerk.id)?.disabledAt).toBeInstanceOf(Date);
		expect(await setDisabled(admin, clerk.id, false, false)).toEqual({ username: clerk.username });
	});
});
