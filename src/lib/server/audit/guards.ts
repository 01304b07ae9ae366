import { statement } from '../db';

/**
 * The database's own guards of the trail (drizzle/0001, 0006): the append trigger, the
 * triggers that refuse UPDATE, DELETE and TRUNCATE, and the foreign key from each event to its
 * lane. Only the tables' owner or a superuser can switch them off; `audit verify` says so when
 * one is missing or disabled, even if nothing was changed (yet) while it was off.
 */
const TRIGGERS: [table: string, trigger: string][] = [
	['audit_event', 'audit_event_append'],
	['audit_event', 'audit_event_no_update'],
	['audit_event', 'audit_event_no_truncate'],
	['audit_chain_head', 'audit_chain_head_no_update'],
	['audit_chain_head', 'audit_chain_head_no_truncate'],
	['audit_checkpoint', 'audit_checkpoint_no_update'],
	['audit_checkpoint', 'audit_checkpoint_no_truncate']
];
const FOREIGN_KEY = 'audit_event_chain_head_fk';

interface TriggerRow {
	table: string;
	name: string;
	enabled: string;
	internal: boolean;
}

export async function guardProblems(): Promise<string[]> {
	const rows = await statement<TriggerRow>(
		`select c.relname as table, t.tgname as name, t.tgenabled::text as enabled,
			t.tgisinternal as internal
		from pg_trigger t join pg_class c on c.oid = t.tgrelid
		where t.tgrelid in ('audit_event'::regclass, 'audit_chain_head'::regclass,
			'audit_checkpoint'::regclass)`,
		[]
	);
	const problems: string[] = [];
	for (const [table, name] of TRIGGERS) {
		const row = rows.find((r) => r.table === table && r.name === name);
		if (!row) problems.push(`trigger ${name} on ${table} is missing`);
		else if (row.enabled !== 'O' && row.enabled !== 'A') {
			problems.push(`trigger ${name} on ${table} is disabled`);
		}
	}
	const [key] = await statement<{ name: string }>(
		`select conname as name from pg_constraint where conname = $1
			and conrelid = 'audit_event'::regclass`,
		[FOREIGN_KEY]
	);
	if (!key) problems.push(`foreign key ${FOREIGN_KEY} (each event to its lane) is missing`);
	if (rows.some((r) => r.internal && r.enabled !== 'O' && r.enabled !== 'A')) {
		problems.push('the foreign key triggers of the audit tables are disabled');
	}
	return problems;
}
