import { eq } from 'drizzle-orm';
import { z } from 'zod';
import * as audit from '../audit/append';
import { db, type Executor } from '../db';
import { appUser, organizationRule } from '../db/schema';
import { event } from './files';
import { organizationOf, type TenantCaller } from '../identity/caller';

/**
 * The organisation's own rules where towns differ (each town's 前金払規則 and 契約規則), with the
 * defaults of DESIGN.md when the admin has set nothing. The checks read them at every view, so a
 * change shows on every file at once; each change is an audit event with the values before and after.
 */
export const ROUNDING_UNITS = [1, 10_000, 100_000] as const;
export const SHORTFALL_RESULTS = ['warn', 'fail'] as const;

export interface Rules {
	/** 業務委託 (設計・調査・測量): 地方自治法施行規則 附則第3条 allows 3/10; a town may set less. */
	serviceAdvanceTenths: number;
	/** 低入札価格調査を経た契約: the town's 前金払規則 may lower the advance (2/10); null = not adopted. */
	lowBidAdvanceTenths: number | null;
	/** 前金払規則: the advance is paid in units of this many yen (1 = to the yen). */
	advanceRoundingUnit: number;
	/** 前金払規則: the highest advance paid, in yen; null = no cap. */
	advanceCap: number | null;
	/** 約款 第4条: after a 増額 the orderer *may* ask for more 契約保証: warn, or fail by 契約規則. */
	increaseShortfall: 'warn' | 'fail';
}
export interface RulesInForce extends Rules {
	/** The last change, or null while the defaults apply. */
	changedAt: Date | null;
	changedBy: string | null;
}

export const DEFAULT_RULES: Rules = {
	serviceAdvanceTenths: 3,
	lowBidAdvanceTenths: null,
	advanceRoundingUnit: 1,
	advanceCap: null,
	increaseShortfall: 'warn'
};

const tenths = z.coerce.number().int().min(1).max(4);
const blank = (v: unknown) => (v === '' || v == null ? null : v);
/** The admin form as posted: strings. */
export const rulesInput = z.object({
	serviceAdvanceTenths: tenths,
	lowBidAdvanceTenths: z.preprocess(blank, tenths.nullable()),
	advanceRoundingUnit: z.coerce
		.number()
		.refine((n) => (ROUNDING_UNITS as readonly number[]).includes(n), 'roundingUnit'),
	advanceCap: z.preprocess(
		(v) => blank(typeof v === 'string' ? v.normalize('NFKC').replace(/[,¥￥円\s]/g, '') : v),
		z
			.string()
			.regex(/^\d{1,14}$/)
			.transform(Number)
			.pipe(z.number().int().positive().max(10_000_000_000_000))
			.nullable()
	),
	increaseShortfall: z.enum(SHORTFALL_RESULTS)
});

export async function inForce(
	organizationId: string,
	executor: Executor = db
): Promise<RulesInForce> {
	const [row] = await executor
		.select({ rule: organizationRule, by: appUser.displayName, username: appUser.username })
		.from(organizationRule)
		.leftJoin(appUser, eq(appUser.id, organizationRule.updatedBy))
		.where(eq(organizationRule.organizationId, organizationId));
	if (!row) return { ...DEFAULT_RULES, changedAt: null, changedBy: null };
	return {
		...pick(row.rule),
		changedAt: row.rule.updatedAt,
		changedBy: row.by || row.username || null
	};
}

const pick = (r: Rules): Rules => ({
	serviceAdvanceTenths: r.serviceAdvanceTenths,
	lowBidAdvanceTenths: r.lowBidAdvanceTenths,
	advanceRoundingUnit: r.advanceRoundingUnit,
	advanceCap: r.advanceCap,
	increaseShortfall: r.increaseShortfall === 'fail' ? 'fail' : 'warn'
});

/**
 * Saves the organisation's rules; the audit event keeps what changed, before and after. Returns
 * whether anything changed (saving the same values writes nothing).
 */
export async function save(
	caller: TenantCaller,
	input: Rules,
	by: string | null
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [was] = await tx
			.select()
			.from(organizationRule)
			.where(eq(organizationRule.organizationId, organizationOf(caller)))
			.for('update');
		const before = was ? pick(was) : DEFAULT_RULES;
		const after = pick(input);
		const changed = (Object.keys(after) as (keyof Rules)[]).filter((k) => before[k] !== after[k]);
		if (changed.length === 0) return false;
		const values = { ...after, updatedBy: by, updatedAt: new Date() };
		await tx
			.insert(organizationRule)
			.values({ organizationId: organizationOf(caller), ...values })
			.onConflictDoUpdate({ target: organizationRule.organizationId, set: values });
		const diff = (side: Rules) => Object.fromEntries(changed.map((k) => [k, side[k]]));
		await audit.record(
			event(caller, 'rules.update', { before: diff(before), after: diff(after) }),
			tx
		);
		return true;
	});
}
