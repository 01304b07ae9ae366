// A large, valid audit trail made in SQL, for `npm run bench:scale` and for timing `audit verify`:
// events hashed as the database's append trigger hashes them (version 2), made set-based. A
// recursive query walks CHAINS lanes side by side, one seq per step, each event's hash over the
// one before. Event i (1 … events) is seq ceil(i / CHAINS) of lane `scale:<(i - 1) % CHAINS>`;
// its fields are functions of i, one in ten in the measured organisation's name. The append
// trigger is bypassed (replica mode, as a superuser restoring a dump would), so the lane rows are
// written here too. `sql` must be a superuser's connection (postgres.js).
const CHAINS = 1000;
const LANES_PER_STATEMENT = 50;
const actions = [
	'key.attempt',
	'certificate.view',
	'certificate.print',
	'user.login',
	'contract.create'
];
const outcomes = ['success', 'success', 'success', 'failure', 'denied', 'locked'];

/**
 * @param {import('postgres').Sql} sql
 * @param {{ events: number, guarantees: number, organizations: string[], measured: string,
 *   progress?: (label: string, work: () => Promise<unknown>) => Promise<unknown> }} options
 */
export async function generateTrail(
	sql,
	{ events, guarantees, organizations, measured, progress }
) {
	const perChain = Math.ceil(events / CHAINS);
	const field = {
		chain: `'scale:' || j`,
		at: `date_trunc('milliseconds', now()) - interval '1 second' * (${events} - i) * 3`,
		request_id: `md5('r' || i)`,
		actor_type: `'user'`,
		actor_id: `md5('u' || i % 50)::uuid::text`,
		actor_label: `'124249/scale' || i % 50`,
		organization_id: `case when i % 10 = 0 then '${measured}'::uuid
			else ('{${organizations.join(',')}}'::uuid[])[1 + i % ${organizations.length}] end`,
		issuer_id: 'null::uuid',
		action: `(array['${actions.join("','")}'])[1 + i % 5]`,
		outcome: `(array['${outcomes.join("','")}'])[1 + i % 6]`,
		reason: 'null::text',
		guarantee_id: `md5('g' || (1 + i % ${guarantees}))::uuid`,
		guarantee_number: `'S-' || lpad((1 + i % ${guarantees})::text, 9, '0')`,
		purpose: `'contract'`,
		ip: `'127.0.0.1'`,
		user_agent: `'scale'`,
		detail: 'null::jsonb'
	};
	const values = Object.values(field);
	/** audit_hash_v2 takes chain, seq, prev_hash, at, then the other fields in this order. */
	const hash = (seq, prev) =>
		`audit_hash_v2(${field.chain}, ${seq}, ${prev}, ${field.at}, ${values.slice(2).join(', ')})`;
	/** i of lane j at seq k */
	const index = (k) => `((${k} - 1) * ${CHAINS} + j + 1)`;
	const genesis = `repeat('0', 64)`;
	await sql`set session_replication_role = replica`;
	await sql`insert into audit_chain_head (chain, base, lane)
		select 'scale:' || j, 'scale:' || j, 0 from generate_series(0, ${CHAINS - 1}) j`;
	for (let from = 0; from < CHAINS; from += LANES_PER_STATEMENT) {
		const to = Math.min(CHAINS, from + LANES_PER_STATEMENT) - 1;
		const work = () =>
			sql.unsafe(`with recursive lane(j, k, prev, hash) as (
					select j, 1::bigint, ${genesis},
						(select ${hash('1::bigint', genesis)} from (select ${index(1)} as i) e)
					from generate_series(${from}, ${to}) j
					where ${index(1)} <= ${events}
				union all
					select j, k + 1, hash,
						(select ${hash('k + 1', 'hash')} from (select ${index('k + 1')} as i) e)
					from lane where k < ${perChain} and ${index('k + 1')} <= ${events}
				)
				insert into audit_event (seq, prev_hash, hash, hash_version, ${Object.keys(field).join(', ')})
				select k, prev, hash, 2, ${values.join(', ')}
				from lane, lateral (select ${index('k')} as i) e`);
		await (progress ? progress(`audit events of lanes ${from}–${to}`, work) : work());
	}
	await sql`set session_replication_role = origin`;
}
