import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { optionalLine } from '../common/text';
import { appUser, organization, type AppUser } from '../db/schema';
import * as audit from '../audit/append';
import * as auth from './sessions';
import { generatePassword, hashPassword } from './passwords';
import { policyError, type PolicyProblem } from './password-policy';
import type { RequestContext } from './request-context';

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

export interface AddUser {
	organizationId: string;
	username: string;
	displayName?: string;
	role: Role;
	/** When absent a password is generated, returned once, and must be changed at first sign-in. */
	password?: string;
}

export async function add(
	input: AddUser,
	by: audit.Actor,
	context: RequestContext
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
				organizationId: input.organizationId,
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
				actor: by,
				context,
				organizationId: input.organizationId,
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
	organizationId: string,
	userId: string,
	set: Partial<AppUser>,
	action: string,
	by: audit.Actor,
	context: RequestContext
): Promise<UserSummary | null> {
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
				actor: by,
				context,
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
	organizationId: string,
	userId: string,
	disabled: boolean,
	by: audit.Actor,
	context: RequestContext
): Promise<UserSummary | null> {
	const action = disabled ? 'user.disable' : 'user.enable';
	const user = await update(
		organizationId,
		userId,
		{ disabledAt: disabled ? new Date() : null },
		action,
		by,
		context
	);
	if (user && disabled) await auth.invalidateUserSessions(userId);
	return user;
}

/** An admin reset: a new generated password, shown once, to be changed at next sign-in. */
export async function resetPassword(
	organizationId: string,
	userId: string,
	by: audit.Actor,
	context: RequestContext
): Promise<{ username: string; password: string } | null> {
	const password = generatePassword();
	const passwordHash = await hashPassword(password);
	const set = { passwordHash, mustChangePassword: true };
	const user = await update(organizationId, userId, set, 'user.reset-password', by, context);
	if (!user) return null;
	await auth.invalidateUserSessions(userId);
	return { username: user.username, password };
}

/**
 * Sets the user's own new password (password-change.ts checked the current one and the policy);
 * the user's other sessions end, the current one stays.
 */
export async function setOwnPassword(
	user: { id: string; organizationId: string },
	keepSessionId: string,
	next: string,
	by: audit.Actor,
	context: RequestContext
): Promise<void> {
	const set = { passwordHash: await hashPassword(next), mustChangePassword: false };
	await update(user.organizationId, user.id, set, 'user.change-password', by, context);
	await auth.invalidateUserSessions(user.id, keepSessionId);
}
