import { userActor } from '../audit/append';
import type { RequestContext } from './request-context';
import type { SessionUser } from './sessions';
import * as users from './users';

/**
 * An admin adds a user to their own organisation from the values as typed: the refusal the form
 * shows (a bad login name or role, a name already taken), or the new user's name and the
 * generated password, shown this once.
 */
export async function addUser(
	admin: SessionUser,
	values: { username: string; displayName: string; role: string },
	context: RequestContext
) {
	const parsed = users.newUserInput.safeParse(values);
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path[0];
		return { error: field === 'role' ? ('invalidRole' as const) : ('invalidUsername' as const) };
	}
	try {
		const input = { organizationId: admin.organizationId, ...parsed.data };
		const { user, password } = await users.add(input, userActor(admin), context);
		return { username: user.username, password };
	} catch (error) {
		if (error instanceof users.DuplicateUserError) return { error: 'duplicate' as const };
		throw error;
	}
}
