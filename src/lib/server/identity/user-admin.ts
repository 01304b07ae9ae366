import type { UserCaller } from './caller';
import * as users from './users';

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
