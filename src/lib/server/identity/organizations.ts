import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { oneLine } from '../common/text';
import { organization, type Organization } from '../db/schema';
import { isLocalGovernmentCode } from '../../local-government-code';

export const organizationInput = z.strictObject({
	code: z
		.string()
		.trim()
		.refine(isLocalGovernmentCode, '全国地方公共団体コード（6桁、検査数字付き）ではありません'),
	name: oneLine(100)
});

export class DuplicateOrganizationError extends Error {}

export async function add(input: z.input<typeof organizationInput>): Promise<Organization> {
	const { code, name } = organizationInput.parse(input);
	const [row] = await db
		.insert(organization)
		.values({ code, name })
		.onConflictDoNothing()
		.returning();
	if (!row) throw new DuplicateOrganizationError(`organisation ${code} already exists`);
	return row;
}

export async function findByCode(code: string): Promise<Organization | null> {
	const [row] = await db.select().from(organization).where(eq(organization.code, code));
	return row ?? null;
}

export async function get(id: string): Promise<Organization | null> {
	const [row] = await db.select().from(organization).where(eq(organization.id, id));
	return row ?? null;
}

export function list(): Promise<Organization[]> {
	return db.select().from(organization).orderBy(asc(organization.code));
}
