import type { UserCaller } from './caller';
import * as users from './users';
import { lastSignIns } from './last-sign-in';

/** The admin's organisation's users, each with their last sign-in. */
export async function list(admin: UserCaller) {
	const organizationId = admin.user.organizationId;
	const [all, last] = await Promise.all([users.list(organizationId), lastSignIns(organizationId)]);
	return all.map((user) => ({ ...user, lastSignInAt: last.get(user.id) ?? null }));
}

/**
 * An admin adds a user to their own organisation from the values as typed: the refusal the form
 * shows (a bad login name or role, a name already taken), or the new user's name and the
 * generated password, shown this once.
 */
export async function addUser(
	admin: UserCaller,
	values: { username: string; displayName: string; role: string }
) {
	const parsed = users.newUserInput.safeParse(values);
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path[0];
		return { error: field === 'role' ? ('invalidRole' as const) : ('invalidUsername' as const) };
	}
	try {
		const { user, password } = await users.add(admin, parsed.data);
		return { username: user.username, password };
	} catch (error) {
		if (error instanceof users.DuplicateUserError) return { error: 'duplicate' as const };
		throw error;
	}
}

/**
 * An admin disables or enables a user of their organisation. Not themselves (they would be
 * locked out), and a disable is asked first (`confirmed`), as it ends the user's sessions at once.
 */
export async function setDisabled(
	admin: UserCaller,
	userId: string,
	disabled: boolean,
	confirmed: boolean
): Promise<{ error: 'self' | 'notFound' } | { confirm: string } | { username: string }> {
	if (userId === admin.user.id && disabled) return { error: 'self' as const };
	if (disabled && !confirmed) {
		const user = (await users.list(admin.user.organizationId)).find((u) => u.id === userId);
		return user ? { confirm: user.username } : { error: 'notFound' as const };
	}
	const user = await users.setDisabled(admin, userId, disabled);
	return user ? { username: user.username } : { error: 'notFound' as const };
}
