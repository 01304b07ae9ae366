import {
	bigint,
	bigserial,
	boolean,
	customType,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { KINDS } from '../../guarantee';

/** Raw bytes (hashes). postgres.js and PGlite both hand back a Uint8Array-compatible value. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
/** Integer yen: up to 10^13, beyond 2^31, still exact in a JS number. */
const yen = () => bigint({ mode: 'number' });

export const role = pgEnum('role', ['clerk', 'admin', 'auditor']);
export const guaranteeKind = pgEnum('guarantee_kind', KINDS);
export const guaranteeStatus = pgEnum('guarantee_status', ['valid', 'cancelled']);
/**
 * surety: a 登録保証事業会社 (公共工事の前払金保証事業に関する法律), may issue every kind;
 * insurer (損害保険会社: 履行保証保険, 公共工事履行保証証券) and bank: 契約保証 only.
 */
export const issuerType = pgEnum('issuer_type', ['surety', 'insurer', 'bank']);
/** 工事 or 業務委託 (測量・設計・調査): decides the advance limit (4/10 or 3/10). */
export const worksCategory = pgEnum('works_category', ['construction', 'service']);

// ── Orderers (our tenants) and their people ────────────────────────────────

export const organization = pgTable('organization', {
	id: uuid().primaryKey().defaultRandom(),
	/** 全国地方公共団体コード, six digits with check digit. */
	code: text().notNull().unique(),
	name: text().notNull(),
	createdAt: createdAt()
});
export type Organization = typeof organization.$inferSelect;

export const appUser = pgTable(
	'app_user',
	{
		id: uuid().primaryKey().defaultRandom(),
		organizationId: uuid()
			.notNull()
			.references(() => organization.id),
		username: text().notNull(),
		displayName: text().notNull().default(''),
		role: role().notNull(),
		passwordHash: text().notNull(),
		/** Set after an admin reset or a generated password: the user is asked to choose one. */
		mustChangePassword: boolean().notNull().default(false),
		disabledAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex().on(t.organizationId, t.username)]
);
export type AppUser = typeof appUser.$inferSelect;

export const session = pgTable(
	'session',
	{
		id: text().primaryKey(),
		secretHash: bytea().notNull(),
		userId: uuid()
			.notNull()
			.references(() => appUser.id),
		createdAt: createdAt(),
		/** Sliding: pushed forward while the user is active. */
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		/** Absolute: never moves. */
		absoluteExpiresAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [index().on(t.userId)]
);
export type Session = typeof session.$inferSelect;

/**
 * Fixed-window counters shared by every app instance (login, key attempts, API tokens). Written
 * only by the `rate_limit_reserve` function (migration 0004), which reserves on several at once.
 */
export const rateLimit = pgTable('rate_limit', {
	key: text().primaryKey(),
	windowStart: timestamp({ withTimezone: true }).notNull(),
	count: integer().notNull()
});

/**
 * Failed sign-ins by people not signed in, counted per (minute, source address, account tried,
 * reason): the first of each is an audit event at once, the rest are folded into one summary
 * event when the minute is over (identity/sign-in-failures.ts). `recordedAt` marks the fold.
 */
export const signInFailure = pgTable(
	'sign_in_failure',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		minute: timestamp({ withTimezone: true }).notNull(),
		ip: text().notNull(),
		label: text().notNull(),
		reason: text().notNull(),
		organizationId: uuid().references(() => organization.id),
		userAgent: text(),
		count: integer().notNull(),
		firstAt: timestamp({ withTimezone: true }).notNull(),
		lastAt: timestamp({ withTimezone: true }).notNull(),
		recordedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		uniqueIndex().on(t.minute, t.ip, t.label, t.reason),
		index('sign_in_failure_unrecorded_idx')
			.on(t.minute)
			.where(sql`${t.recordedAt} is null`)
	]
);

/** Secrets the portal makes for itself on first use, shared by every instance (device cookies). */
export const portalSecret = pgTable('portal_secret', {
	name: text().primaryKey(),
	value: bytea().notNull(),
	createdAt: createdAt()
});

// ── Issuers (保証事業会社) ─────────────────────────────────────────────────

export const issuer = pgTable('issuer', {
	id: uuid().primaryKey().defaultRandom(),
	code: text().notNull().unique(),
	name: text().notNull(),
	type: issuerType().notNull().default('surety'),
	requireSignature: boolean().notNull().default(false),
	createdAt: createdAt()
});
export type Issuer = typeof issuer.$inferSelect;

export const issuerToken = pgTable('issuer_token', {
	id: uuid().primaryKey().defaultRandom(),
	issuerId: uuid()
		.notNull()
		.references(() => issuer.id),
	/** The public, recognisable part of the token, used for lookup and in logs. */
	prefix: text().notNull().unique(),
	secretHash: bytea().notNull(),
	createdAt: createdAt(),
	lastUsedAt: timestamp({ withTimezone: true }),
	revokedAt: timestamp({ withTimezone: true })
});
export type IssuerToken = typeof issuerToken.$inferSelect;

export const issuerKey = pgTable(
	'issuer_key',
	{
		id: uuid().primaryKey().defaultRandom(),
		issuerId: uuid()
			.notNull()
			.references(() => issuer.id),
		kid: text().notNull(),
		publicJwk: jsonb().notNull(),
		createdAt: createdAt(),
		revokedAt: timestamp({ withTimezone: true })
	},
	(t) => [uniqueIndex().on(t.issuerId, t.kid)]
);
export type IssuerKey = typeof issuerKey.$inferSelect;

// ── Guarantees (保証契約) and certificates (電子証書) ──────────────────────

export const guarantee = pgTable(
	'guarantee',
	{
		id: uuid().primaryKey().defaultRandom(),
		issuerId: uuid()
			.notNull()
			.references(() => issuer.id),
		guaranteeNumber: text().notNull(),
		kind: guaranteeKind().notNull(),
		organizationId: uuid()
			.notNull()
			.references(() => organization.id),
		/** SHA-256(domain tag ‖ guarantee id ‖ canonical key); the key itself is never stored. */
		authKeyHash: bytea().notNull(),
		authKeyIssuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		status: guaranteeStatus().notNull().default('valid'),
		cancelledOn: date(),
		cancellationReason: text(),
		/** Set the first time someone of the orderer presents the matching key. */
		firstVerifiedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex().on(t.issuerId, t.guaranteeNumber),
		// Clerks type the number without the issuer: look up by number alone.
		index().on(t.guaranteeNumber),
		index().on(t.organizationId, t.firstVerifiedAt)
	]
);
export type Guarantee = typeof guarantee.$inferSelect;

export const certificateVersion = pgTable(
	'certificate_version',
	{
		id: uuid().primaryKey().defaultRandom(),
		guaranteeId: uuid()
			.notNull()
			.references(() => guarantee.id),
		version: integer().notNull(),
		/** 発行日 of the original, or the date of the change certificate. */
		issuedOn: date().notNull(),
		/** null for version 1; 増額 / 減額 / 保証期限変更 / その他 for changes. */
		amendmentReason: text(),
		contractorName: text().notNull(),
		contractorAddress: text().notNull(),
		contractorRepresentative: text().notNull(),
		ordererName: text().notNull(),
		worksName: text().notNull(),
		worksLocation: text().notNull(),
		contractAmount: yen().notNull(),
		worksStartOn: date().notNull(),
		worksEndOn: date().notNull(),
		guaranteeAmount: yen().notNull(),
		advancePaymentAmount: yen(),
		guaranteeStartOn: date().notNull(),
		guaranteeEndOn: date().notNull(),
		// The optional fields of API.md §4: null when the issuer did not send them.
		worksCategory: worksCategory(),
		/** 契約締結日. */
		contractedOn: date(),
		/** 債務負担行為: the fiscal year of this advance and that year's 出来高予定額 (年度割額). */
		fiscalYear: integer(),
		fiscalYearAmount: yen(),
		/** 共同企業体 members: [{ name, address?, representative? }]. */
		contractorMembers:
			jsonb().$type<{ name: string; address?: string; representative?: string }[]>(),
		issuingOfficeName: text(),
		issuingOfficePhone: text(),
		/** The submission exactly as received: JSON text or a compact JWS. */
		rawSubmission: text().notNull(),
		rawContentType: text().notNull(),
		signatureKid: text(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex().on(t.guaranteeId, t.version)]
);
export type CertificateVersion = typeof certificateVersion.$inferSelect;

/**
 * Every signed change an issuer made (変更, 解約, key reissue), kept as received with its kid, as a
 * signed registration keeps its JWS in certificate_version (shared/API.md §4). The hash is of the
 * JWS signing input (protected header and payload as sent): unique, so one signed change is
 * accepted once, whichever instance receives it again. The signature segment is not hashed:
 * base64url lets its last character vary without changing the signature.
 */
export const signedChange = pgTable(
	'signed_change',
	{
		id: uuid().primaryKey().defaultRandom(),
		signingInputHash: bytea().notNull(),
		issuerId: uuid()
			.notNull()
			.references(() => issuer.id),
		guaranteeId: uuid()
			.notNull()
			.references(() => guarantee.id),
		/** `amend`, `cancel` or `reissue-key`. */
		action: text().notNull(),
		/** The certificate version an amendment made. */
		version: integer(),
		/** False for a cancellation of a guarantee already cancelled: kept, but it changed nothing. */
		applied: boolean().notNull().default(true),
		jws: text().notNull(),
		kid: text().notNull(),
		/** The JWS's `iat`: when the issuer signed it. */
		signedAt: timestamp({ withTimezone: true }).notNull(),
		receivedAt: createdAt()
	},
	(t) => [uniqueIndex().on(t.signingInputHash), index().on(t.guaranteeId, t.action)]
);
export type SignedChange = typeof signedChange.$inferSelect;

export const idempotencyKey = pgTable(
	'idempotency_key',
	{
		issuerId: uuid()
			.notNull()
			.references(() => issuer.id),
		key: text().notNull(),
		fingerprint: text().notNull(),
		/** null while the first request is still in flight. */
		responseStatus: integer(),
		responseBody: text(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.issuerId, t.key] })]
);

// ── Audit trail ───────────────────────────────────────────────────────────

/**
 * Append-only (triggers refuse UPDATE, DELETE, TRUNCATE) and hash-chained per lane of a chain:
 * `org:<id>`, `issuer:<id>`, `operator` or `portal`, each written in lanes `<chain>`,
 * `<chain>/1` … (docs/AUDIT.md). An INSERT names the chain; the database's trigger
 * (drizzle/0010_b_audit_append.sql) picks a free lane and sets `chain` to it, `seq`, `prev_hash`,
 * `at`, `hash_version` and `hash`: whatever the writer sent for those is replaced.
 */
export const auditEvent = pgTable(
	'audit_event',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		chain: text().notNull(),
		seq: bigint({ mode: 'number' }).notNull(),
		prevHash: text().notNull(),
		hash: text().notNull(),
		at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
		requestId: text(),
		actorType: text().notNull(),
		actorId: text(),
		actorLabel: text(),
		organizationId: uuid(),
		issuerId: uuid(),
		action: text().notNull(),
		outcome: text().notNull(),
		reason: text(),
		guaranteeId: uuid(),
		guaranteeNumber: text(),
		purpose: text(),
		ip: text(),
		userAgent: text(),
		detail: jsonb(),
		/** 1: hashed by the portal (audit/chain.ts); 2: by the database on insert (same encoding rules). */
		hashVersion: smallint().notNull().default(1)
	},
	// Every screen query starts with the organisation (tenant) and reads newest first by
	// (at, id); each filter has its own index so a page is an index range scan even at ten
	// million events. docs/AUDIT.md says which query uses which index.
	(t) => [
		uniqueIndex().on(t.chain, t.seq),
		index('audit_event_org_at_idx').on(t.organizationId, t.at, t.id),
		index('audit_event_org_number_idx').on(t.organizationId, t.guaranteeNumber, t.at, t.id),
		index('audit_event_org_actor_idx').on(t.organizationId, t.actorId, t.at, t.id),
		index('audit_event_org_action_idx').on(t.organizationId, t.action, t.at, t.id),
		index('audit_event_org_outcome_idx').on(t.organizationId, t.outcome, t.at, t.id),
		// A certificate's past views on its page: every condition an equality, then (at, id), so
		// the newest 50 are one index range however many events the trail holds. Its prefix also
		// serves the issuer's 閲覧状況 and the audit screen's filter by guarantee.
		index('audit_event_guarantee_views_idx').on(
			t.guaranteeId,
			t.action,
			t.organizationId,
			t.outcome,
			t.at,
			t.id
		),
		index().on(t.issuerId, t.at)
	]
);
export type AuditEvent = typeof auditEvent.$inferSelect;

/**
 * One row per lane: every event references its lane's row (foreign key), rows are never changed
 * or removed, and a lane's head is its last event (the trail itself is append-only, so the head
 * only moves forward). The append trigger locks a lane with an advisory lock, not this row.
 */
export const auditChainHead = pgTable(
	'audit_chain_head',
	{
		chain: text().primaryKey(),
		/** The chain this lane belongs to (`org:<id>`); `lane` 0 is the chain's own name. */
		base: text().notNull(),
		lane: integer().notNull(),
		openedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex().on(t.base, t.lane)]
);

/**
 * Signed checkpoints (`audit checkpoint`, hourly by the server): the head of every lane, signed
 * with the portal's Ed25519 key, which is kept outside the database. `payload` is the exact
 * signed text; the other columns repeat what it says, for listing.
 */
export const auditCheckpoint = pgTable('audit_checkpoint', {
	id: bigserial({ mode: 'number' }).primaryKey(),
	at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
	keyId: text().notNull(),
	chains: integer().notNull(),
	events: bigint({ mode: 'number' }).notNull(),
	payload: text().notNull(),
	signature: text().notNull()
});
export type AuditCheckpoint = typeof auditCheckpoint.$inferSelect;

// ── Contract files (案件) ──────────────────────────────────────────────────

export const contractFile = pgTable(
	'contract_file',
	{
		id: uuid().primaryKey().defaultRandom(),
		organizationId: uuid()
			.notNull()
			.references(() => organization.id),
		contractNumber: text().notNull(),
		worksName: text().notNull(),
		contractorName: text().notNull(),
		contractAmount: yen().notNull(),
		startOn: date().notNull(),
		endOn: date().notNull(),
		lowBid: boolean().notNull().default(false),
		advancePaymentAmount: yen(),
		intermediateAdvancePaymentAmount: yen(),
		category: worksCategory().notNull().default('construction'),
		contractedOn: date(),
		/** 債務負担行為: the fiscal year the file's advance is for, and its 年度割額. */
		fiscalYear: integer(),
		fiscalYearAmount: yen(),
		/** 中間前払金の認定日 (the orderer's 認定 of progress). */
		intermediateCertifiedOn: date(),
		/** 部分払 chosen: it excludes 中間前払金. */
		partialPayment: boolean().notNull().default(false),
		/** Works finished (完了・引渡し): guarantees that ended with them no longer alarm. */
		completedOn: date(),
		createdBy: uuid().references(() => appUser.id),
		createdAt: createdAt(),
		updatedAt: createdAt()
	},
	(t) => [uniqueIndex().on(t.organizationId, t.contractNumber)]
);
export type ContractFile = typeof contractFile.$inferSelect;

/**
 * One import of a contract register (契約台帳 CSV): what it imported and every line it refused,
 * so the page can show the first lines and offer all of them as a download (an 80,000-line
 * answer was 12.7 MB before issue 12).
 */
export const contractImport = pgTable(
	'contract_import',
	{
		id: uuid().primaryKey().defaultRandom(),
		organizationId: uuid()
			.notNull()
			.references(() => organization.id),
		createdBy: uuid().references(() => appUser.id),
		imported: integer().notNull(),
		rejected: jsonb().$type<{ line: number; message: string }[]>().notNull(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.organizationId, t.createdAt)]
);

/** 変更契約: a new amount and/or 工期末, in force from `changedOn`. */
export const contractChange = pgTable('contract_change', {
	id: uuid().primaryKey().defaultRandom(),
	contractFileId: uuid()
		.notNull()
		.references(() => contractFile.id),
	changedOn: date().notNull(),
	contractAmount: yen(),
	endOn: date(),
	note: text(),
	createdBy: uuid().references(() => appUser.id),
	createdAt: createdAt()
});

export const contractGuarantee = pgTable(
	'contract_guarantee',
	{
		contractFileId: uuid()
			.notNull()
			.references(() => contractFile.id),
		guaranteeId: uuid()
			.notNull()
			.references(() => guarantee.id),
		purpose: text().notNull(),
		attachedBy: uuid().references(() => appUser.id),
		attachedAt: createdAt(),
		lastCheckedAt: timestamp({ withTimezone: true }),
		/** What the guarantee looked like at the last check, to show what changed since. */
		lastSnapshot: jsonb(),
		/** The clerk's note when 工事名 or 受注者 differ and the clerk attached it anyway. */
		mismatchNote: text()
	},
	(t) => [primaryKey({ columns: [t.contractFileId, t.guaranteeId] }), index().on(t.guaranteeId)]
);

/** A guarantee taken off a file (a wrong attachment), kept for the record with its note. */
export const contractDetachment = pgTable(
	'contract_detachment',
	{
		id: uuid().primaryKey().defaultRandom(),
		contractFileId: uuid()
			.notNull()
			.references(() => contractFile.id),
		guaranteeId: uuid()
			.notNull()
			.references(() => guarantee.id),
		purpose: text().notNull(),
		attachedAt: timestamp({ withTimezone: true }).notNull(),
		attachedBy: uuid().references(() => appUser.id),
		note: text().notNull(),
		detachedBy: uuid().references(() => appUser.id),
		detachedAt: createdAt()
	},
	(t) => [index().on(t.contractFileId)]
);

export const securityMethod = pgEnum('security_method', [
	'paper',
	'bond',
	'insurance',
	'bank',
	'cash',
	'exempt'
]);

/**
 * A guarantee the file needs, provided another way than an electronic certificate: paper
 * 保証証書, 公共工事履行保証証券, 履行保証保険, a bank, 契約保証金, or 免除 (with its reason).
 */
export const contractSecurity = pgTable(
	'contract_security',
	{
		id: uuid().primaryKey().defaultRandom(),
		contractFileId: uuid()
			.notNull()
			.references(() => contractFile.id),
		kind: guaranteeKind().notNull(),
		method: securityMethod().notNull(),
		/** 証券番号, 保証契約番号 of a paper certificate, 領収番号 …; '' for 免除. */
		reference: text().notNull().default(''),
		amount: yen(),
		endOn: date(),
		note: text(),
		recordedBy: uuid().references(() => appUser.id),
		recordedAt: createdAt(),
		/** Recorded by mistake: withdrawn with a note, kept for the record, no longer counted. */
		withdrawnAt: timestamp({ withTimezone: true }),
		withdrawnBy: uuid().references(() => appUser.id),
		withdrawNote: text()
	},
	(t) => [
		index().on(t.contractFileId),
		// The same security recorded twice (a double click) is one record.
		uniqueIndex('contract_security_once')
			.on(t.contractFileId, t.kind, t.method, t.reference)
			.where(sql`${t.withdrawnAt} is null`)
	]
);
export type ContractSecurity = typeof contractSecurity.$inferSelect;

/**
 * The organisation's own rules (前金払規則, 契約規則) where towns differ; no row = the defaults
 * of DESIGN.md. Ratios in tenths, amounts in integer yen. Every change is an audit event.
 */
export const organizationRule = pgTable('organization_rule', {
	organizationId: uuid()
		.primaryKey()
		.references(() => organization.id),
	/** 業務委託 (設計・調査・測量) advance limit, in tenths of the price. */
	serviceAdvanceTenths: integer().notNull().default(3),
	/** 低入札価格調査を経た契約 advance limit in tenths; null = not adopted. */
	lowBidAdvanceTenths: integer(),
	/** The advance is paid in units of this many yen (1 = to the yen, 10,000, 100,000). */
	advanceRoundingUnit: integer().notNull().default(1),
	/** The highest advance the town pays, in yen; null = no cap. */
	advanceCap: yen(),
	/** A 契約保証 short after a 増額: 'warn' (the orderer may ask for more) or 'fail'. */
	increaseShortfall: text().$type<'warn' | 'fail'>().notNull().default('warn'),
	updatedBy: uuid().references(() => appUser.id),
	updatedAt: createdAt()
});
export type OrganizationRule = typeof organizationRule.$inferSelect;
