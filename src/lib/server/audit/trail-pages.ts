import { engine, rawStatement, statement } from '../db';
import { expectedHash, sha256 } from './chain';

/**
 * The trail as `audit verify` reads it: a page of events at a time in (chain, seq) order (keyset
 * on the unique index), each with the hash it should have, computed here.
 *
 * Version 2 events are rendered by the database with its built-in array_to_json (pg_catalog,
 * never a function of the schema, which its owner could replace) and hashed here. On PostgreSQL
 * the rendered text arrives as raw bytes and is hashed as it is: rendering in JavaScript meant 22
 * values per event to parse and encode, with a quarter of the time spent collecting that garbage
 * (docs/AUDIT.md). An event whose rendering does not hash to its stored hash is read again column
 * by column and encoded here (chain.ts, pinned) before it counts as broken, so a PostgreSQL that
 * writes JSON differently cannot fail a good trail. Version 1 events are encoded here.
 */
export interface TrailEvent {
	chain: string;
	seq: number;
	prevHash: string;
	hash: string;
	/** The hash the event's content gives; null for a version unknown here. */
	expected: string | null;
}

/**
 * Events per page. Small pages let their buffers die young: at 5,000 the garbage collector took a
 * fifth of the CLI's time, at 1,000 a seventh (and 5,000 round trips per million are cheap).
 */
export const PAGE = 1000;

const CANONICAL_V2 = `pg_catalog.array_to_json(array['kensho-audit/2', chain, seq::text, prev_hash,
	pg_catalog.to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), request_id,
	actor_type, actor_id, actor_label, organization_id::text, issuer_id::text, action, outcome,
	reason, guarantee_id::text, guarantee_number, purpose, ip, user_agent, detail::text])::text`;
const COLUMNS_JSON = `pg_catalog.json_build_object('chain', chain, 'seq', seq,
	'prevHash', prev_hash, 'at', (extract(epoch from at) * 1000)::float8, 'requestId', request_id,
	'actorType', actor_type, 'actorId', actor_id, 'actorLabel', actor_label,
	'organizationId', organization_id, 'issuerId', issuer_id, 'action', action, 'outcome', outcome,
	'reason', reason, 'guaranteeId', guarantee_id, 'guaranteeNumber', guarantee_number,
	'purpose', purpose, 'ip', ip, 'userAgent', user_agent, 'detail', detail)::text`;
/** In this order: chain, seq, prev_hash, hash, hash_version, canonical, fields. */
const FIELDS = `chain, seq::text, prev_hash, hash, hash_version::text,
	case when hash_version = 2 then ${CANONICAL_V2} end as canonical,
	case when hash_version <> 2 then ${COLUMNS_JSON} end as fields`;
const RANGE_SQL = `select ${FIELDS} from audit_event
	where (chain, seq) > ($1::text, $2::bigint) and ($3::text is null or chain < $3::text)
	order by audit_event.chain, audit_event.seq limit ${PAGE}`;
const LANE_SQL = `select ${FIELDS} from audit_event where chain = $1 and seq > $2::bigint
	order by audit_event.seq limit ${PAGE}`;
const COLUMNS_SQL = `select ${COLUMNS_JSON} as fields from audit_event where chain = $1 and seq = $2`;

type Cell = Buffer | string | null;
const text = (cell: Cell) => (cell === null ? '' : cell.toString());

async function page(sql: string, params: unknown[]): Promise<TrailEvent[]> {
	// PostgreSQL: raw bytes, decoded only where needed (the lane's name once per lane).
	const rows: Cell[][] =
		engine === 'postgres'
			? await rawStatement(sql, params)
			: (await statement<Record<string, string | null>>(sql, params)).map(Object.values);
	const events: TrailEvent[] = [];
	let chainBytes: Cell = null;
	let chain = '';
	for (const [name, seq, prevHash, hash, version, canonical, fields] of rows) {
		if (!(name instanceof Buffer && chainBytes instanceof Buffer && name.equals(chainBytes))) {
			chain = text(name);
			chainBytes = name;
		}
		const event = {
			chain,
			seq: Number(text(seq)),
			prevHash: text(prevHash),
			hash: text(hash),
			expected: canonical === null ? null : sha256(canonical)
		};
		if (event.expected !== event.hash) {
			const columns =
				fields ?? (await statement<{ fields: string }>(COLUMNS_SQL, [chain, event.seq]))[0].fields;
			event.expected = expectedHash(JSON.parse(text(columns)), Number(text(version)));
		}
		events.push(event);
	}
	return events;
}

/** The page after (`chain`, `seq`), below `to` (null: to the end). */
export const rangePage = (after: [string, number], to: string | null) =>
	page(RANGE_SQL, [...after, to]);

/** The page of `lane` after `seq`. */
export const lanePage = (lane: string, seq: number) => page(LANE_SQL, [lane, seq]);

/** The id of an event, for the report. */
export async function eventId(chain: string, seq: number): Promise<number> {
	const [row] = await statement<{ id: string | number }>(
		`select id from audit_event where chain = $1 and seq = $2`,
		[chain, seq]
	);
	return row ? Number(row.id) : -1;
}
