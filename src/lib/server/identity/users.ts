import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { optionalLine } from '../common/text';
import { appUser, organization, type AppUser } from '../db/schema';
import * as audit from '../audit/append';
import * as auth from './sessions';
import { generatePassword, hashPassword } from './passwords';
import { policyError, type PolicyProblem } from './password-policy';
import { organizationOf, recordedAs, type TenantCaller, type UserCaller } from './caller';

export const ROLES = ['clerk', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const newUserInput = z.strictObject({
	username: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'invalidUsername'),
	displayName: optionalLine(60).default(''),
	role: z.enum(ROLES)
});

export type UserSummary = Pick<
	AppUser,
	'id' | 'username' | 'displayName' | 'role' | 'disabledAt' | 'mustChangePassword' | 'createdAt'
>;

export class DuplicateUserError extends Error {}
export class PasswordPolicyError extends Error {
	constructor(readonly problem: PolicyProblem) {
		super(`password ${problem}`);
	}
}

/** A user of the caller's organisation (an admin's own; the operator's `--org`). */
export interface AddUser {
	username: string;
	displayName?: string;
	role: Role;
	/** When absent a password is generated, returned once, and must be changed at first sign-in. */
	password?: string;
}

export async function add(
	caller: TenantCaller,
	input: AddUser
): Promise<{ user: UserSummary; password?: string }> {
	const fields = newUserInput.parse({
		username: input.username,
		displayName: input.displayName,
		role: input.role
	});
	const generated = input.password === undefined ? generatePassword() : undefined;
	const password = input.password ?? generated!;
	const problem = await policyError(password, { username: fields.username });
	if (problem) throw new PasswordPolicyError(problem);
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
		const [user] = await tx
			.insert(appUser)
			.values({
				organizationId: organizationOf(caller),
				...fields,
				passwordHash,
				mustChangePassword: generated !== undefined
			})
			.onConflictDoNothing()
			.returning();
		if (!user) throw new DuplicateUserError(`user ${fields.username} already exists`);
		await audit.record(
			{
				action: 'user.add',
				outcome: 'success',
				...recordedAs(caller),
				organizationId: organizationOf(caller),
				detail: { username: user.username, role: user.role }
			},
			tx
		);
		return { user, password: generated };
	});
}

export function list(organizationId: string): Promise<UserSummary[]> {
	return db
		.select({
			id: appUser.id,
			username: appUser.username,
			displayName: appUser.displayName,
			role: appUser.role,
			disabledAt: appUser.disabledAt,
			mustChangePassword: appUser.mustChangePassword,
			createdAt: appUser.createdAt
		})
		.from(appUser)
		.where(eq(appUser.organizationId, organizationId))
		.orderBy(asc(appUser.username));
}

/** The organisation's users' names by id: the audit trail shows 田中 花子 beside her login. */
export async function displayNames(organizationId: string): Promise<Map<string, string>> {
	const rows = await db
		.select({ id: appUser.id, displayName: appUser.displayName })
		.from(appUser)
		.where(eq(appUser.organizationId, organizationId));
	return new Map(rows.filter((row) => row.displayName).map((row) => [row.id, row.displayName]));
}

/** Finds a user of an organisation by the organisation's code; for sign-in and the CLI. */
export async function findByOrgCode(orgCode: string, username: string) {
	const [row] = await db
		.select({ user: appUser, organization })
		.from(appUser)
		.innerJoin(organization, eq(organization.id, appUser.organizationId))
		.where(and(eq(organization.code, orgCode), eq(appUser.username, username.toLowerCase())));
	return row ?? null;
}

async function update(
	caller: TenantCaller,
	userId: string,
	set: Partial<AppUser>,
	action: string
): Promise<UserSummary | null> {
	const organizationId = organizationOf(caller);
	return db.transaction(async (tx) => {
		const [user] = await tx
			.update(appUser)
			.set(set)
			.where(and(eq(appUser.id, userId), eq(appUser.organizationId, organizationId)))
			.returning();
		if (!user) return null;
		await audit.record(
			{
				action,
				outcome: 'success',
				...recordedAs(caller),
				organizationId,
				detail: { username: user.username }
			},
			tx
		);
		return user;
	});
}

/** Disabling ends every session of the user at once, not at their next expiry. */
export async function setDisabled(
	caller: TenantCaller,
	userId: string,
	disabled: boolean
): Promise<UserSummary | null> {
	const action = disabled ? 'user.disable' : 'user.enable';
	const user = await update(caller, userId, { disabledAt: disabled ? new Date() : null }, action);
	if (user && disabled) await auth.invalidateUserSessions(userId);
	return user;
}

/** An admin reset: a new generated password, shown once, to be changed at next sign-in. */
export async function resetPassword(
	caller: TenantCaller,
	userId: string
): Promise<{ username: string; password: string } | null> {
	const password = generatePassword();
	const passwordHash = await hashPassword(password);
	const set = { passwordHash, mustChangePassword: true };
	const user = await update(caller, userId, set, 'user.reset-password');
	if (!user) return null;
	await auth.invalidateUserSessions(userId);
	return { username: user.username, password };
}

/**
 * Sets the caller's own new password (password-change.ts checked the current one and the
 * policy); the user's other sessions end, the caller's own stays.
 */
export async function setOwnPassword(caller: UserCaller, next: string): Promise<void> {
	const set = { passwordHash: await hashPassword(next), mustChangePassword: false };
	await update(caller, caller.user.id, set, 'user.change-password');
	await auth.invalidateUserSessions(caller.user.id, caller.sessionId ?? undefined);
}
