import { and, eq } from 'drizzle-orm';
import { qrPayload } from '../../auth-key';
import * as audit from '../audit/append';
import * as authKeys from './auth-keys';
import { db } from '../db';
import { certificateVersion, guarantee, organization, type Guarantee } from '../db/schema';
import { Problem, validationProblem } from '../http/problem';
import { recordedAs, type IssuerCaller } from '../identity/caller';
import {
	crossFieldErrors,
	reasonText,
	type AmendmentInput,
	type CertificateInput
} from './certificate-input';
import { mayIssue, wrongIssuerType } from './issuer-types';
import * as signedChanges from './signed-changes';

export * from './certificate-input';
export { get, views, latestVersion, isUuid, findIdByNumber, withKey } from '../certificates/reads';
import { isUuid, latestVersion } from '../certificates/reads';

/**
 * Guarantees (保証契約) as the issuer sees them: register, amend, cancel, reissue the key.
 * The issuer is always the authenticated caller; another issuer's guarantee is "not found".
 * Each change and its audit event commit together.
 */
/** The submission exactly as received, kept beside the parsed columns. */
export interface Raw {
	text: string;
	contentType: string;
	kid: string | null;
}
/** A change as received and the claims that bind it (signed-changes.ts). */
export interface Change {
	raw: Raw;
	binding: signedChanges.Binding;
}
type Tx = audit.Transaction;

/** A change sent as plain JSON with no binding claims (the CLI, tests). */
const unsigned: Change = {
	raw: { text: '', contentType: 'application/json', kid: null },
	binding: {}
};

const notFound = () => new Problem(404, 'not-found', 'No such guarantee for this issuer');

function versionColumns(
	body: Pick<CertificateInput, 'contractor' | 'works' | 'guarantee' | 'issuingOffice'>
) {
	return {
		contractorName: body.contractor.name,
		contractorAddress: body.contractor.address,
		contractorRepresentative: body.contractor.representative,
		worksName: body.works.name,
		worksLocation: body.works.location,
		contractAmount: body.works.contractAmount,
		worksStartOn: body.works.startOn,
		worksEndOn: body.works.endOn,
		guaranteeAmount: body.guarantee.amount,
		advancePaymentAmount: body.guarantee.advancePaymentAmount ?? null,
		guaranteeStartOn: body.guarantee.startOn,
		guaranteeEndOn: body.guarantee.endOn,
		worksCategory: body.works.category ?? null,
		contractedOn: body.works.contractedOn ?? null,
		fiscalYear: body.works.fiscalYear ?? null,
		fiscalYearAmount: body.works.fiscalYearAmount ?? null,
		contractorMembers: body.contractor.members ?? null,
		issuingOfficeName: body.issuingOffice?.name ?? null,
		issuingOfficePhone: body.issuingOffice?.phone ?? null
	};
}

/** Runs `work` in a savepoint of `tx` when given (batch items), else in its own transaction. */
const inTransaction = <T>(tx: Tx | undefined, work: (tx: Tx) => Promise<T>) =>
	tx ? tx.transaction(work) : db.transaction(work);

/** 422 for an orderer code that no organisation of the portal has. */
export const unknownOrderer = () =>
	validationProblem(
		[{ path: '/orderer/code', message: 'no orderer with this code is registered in the portal' }],
		'Unknown orderer'
	);

/** 409 for a number the issuer already registered. */
export const duplicateNumber = (guaranteeNumber: string) =>
	new Problem(409, 'duplicate', `Guarantee number ${guaranteeNumber} is already registered`);

/** The row of certificate version 1 (shared by `register` and the batch's bulk insert). */
export function firstVersion(guaranteeId: string, input: CertificateInput, raw: Raw) {
	return {
		guaranteeId,
		version: 1,
		issuedOn: input.issuedOn,
		ordererName: input.orderer.name,
		...versionColumns(input),
		rawSubmission: raw.text,
		rawContentType: raw.contentType,
		signatureKid: raw.kid
	};
}

/** The audit event of one registration. */
export function registerEvent(
	caller: IssuerCaller,
	id: string,
	input: CertificateInput,
	raw: Raw
): audit.EventInput {
	return event(
		caller,
		'certificate.register',
		{ id, guaranteeNumber: input.guaranteeNumber },
		{ kind: input.kind, orderer: input.orderer.code, signatureKid: raw.kid }
	);
}

/** The 201 body of a registration: the only time the auth key is shown. */
export function registered(
	id: string,
	input: CertificateInput,
	raw: Raw,
	key: { canonical: string; display: string }
) {
	return {
		id,
		guaranteeNumber: input.guaranteeNumber,
		version: 1,
		status: 'valid' as const,
		signed: raw.kid !== null,
		authKey: key.display,
		qr: qrPayload(input.guaranteeNumber, key.canonical)
	};
}

export async function register(caller: IssuerCaller, input: CertificateInput, raw: Raw, tx?: Tx) {
	if (!mayIssue(caller.issuer.type, input.kind)) throw wrongIssuerType(caller.issuer.type);
	const errors = crossFieldErrors(input.kind, input);
	if (errors.length) throw validationProblem(errors);
	return inTransaction(tx, async (tx) => {
		const [org] = await tx
			.select({ id: organization.id })
			.from(organization)
			.where(eq(organization.code, input.orderer.code));
		if (!org) throw unknownOrderer();
		const id = crypto.randomUUID();
		const key = authKeys.generate();
		const [row] = await tx
			.insert(guarantee)
			.values({
				id,
				issuerId: caller.issuer.id,
				guaranteeNumber: input.guaranteeNumber,
				kind: input.kind,
				organizationId: org.id,
				authKeyHash: authKeys.hash(id, key.canonical)
			})
			.onConflictDoNothing()
			.returning({ id: guarantee.id });
		if (!row) throw duplicateNumber(input.guaranteeNumber);
		await tx.insert(certificateVersion).values(firstVersion(id, input, raw));
		await audit.record(registerEvent(caller, id, input, raw), tx);
		return registered(id, input, raw, key);
	});
}

async function lockOwn(tx: Tx, caller: IssuerCaller, id: string): Promise<Guarantee> {
	if (!isUuid(id)) throw notFound();
	const [row] = await tx
		.select()
		.from(guarantee)
		.where(and(eq(guarantee.id, id), eq(guarantee.issuerId, caller.issuer.id)))
		.for('update');
	if (!row) throw notFound();
	return row;
}

export async function amend(
	caller: IssuerCaller,
	id: string,
	input: AmendmentInput,
	change: Change
) {
	const { raw, binding } = change;
	return db.transaction(async (tx) => {
		const own = await lockOwn(tx, caller, id);
		const last = (await latestVersion(own.id, tx))!;
		const version = last.version + 1;
		await signedChanges.bind(tx, own, { action: 'amend', binding, received: raw, version });
		if (own.status === 'cancelled') {
			throw new Problem(409, 'cancelled', 'The guarantee is cancelled and cannot be amended');
		}
		const { contractor, works, guarantee: terms } = input.changes;
		const merged = {
			contractor: {
				name: last.contractorName,
				address: last.contractorAddress,
				representative: last.contractorRepresentative,
				members: last.contractorMembers ?? undefined,
				...contractor
			},
			works: {
				name: last.worksName,
				location: last.worksLocation,
				contractAmount: last.contractAmount,
				startOn: last.worksStartOn,
				endOn: last.worksEndOn,
				category: last.worksCategory ?? undefined,
				contractedOn: last.contractedOn ?? undefined,
				fiscalYear: last.fiscalYear ?? undefined,
				fiscalYearAmount: last.fiscalYearAmount ?? undefined,
				...works
			},
			issuingOffice: last.issuingOfficeName
				? { name: last.issuingOfficeName, phone: last.issuingOfficePhone ?? undefined }
				: undefined,
			guarantee: {
				amount: last.guaranteeAmount,
				advancePaymentAmount: last.advancePaymentAmount ?? undefined,
				startOn: last.guaranteeStartOn,
				endOn: last.guaranteeEndOn,
				...terms
			}
		};
		const errors = crossFieldErrors(own.kind, merged, '/changes');
		if (errors.length)
			throw validationProblem(errors, 'The change leaves the certificate inconsistent');
		const reason = reasonText(input);
		await tx.insert(certificateVersion).values({
			guaranteeId: own.id,
			version,
			issuedOn: input.amendedOn,
			amendmentReason: reason,
			ordererName: last.ordererName,
			...versionColumns(merged),
			rawSubmission: raw.text,
			rawContentType: raw.contentType,
			signatureKid: raw.kid
		});
		await record(tx, caller, 'certificate.amend', own, {
			version,
			reason,
			signatureKid: raw.kid
		});
		return { id: own.id, version, status: 'valid' as const };
	});
}

export async function cancel(
	caller: IssuerCaller,
	id: string,
	input: { cancelledOn: string; reason?: string },
	change: Change = unsigned
) {
	return db.transaction(async (tx) => {
		const own = await lockOwn(tx, caller, id);
		await signedChanges.bind(tx, own, {
			action: 'cancel',
			binding: change.binding,
			received: change.raw,
			applied: own.status !== 'cancelled'
		});
		if (own.status !== 'cancelled') {
			await tx
				.update(guarantee)
				.set({
					status: 'cancelled',
					cancelledOn: input.cancelledOn,
					cancellationReason: input.reason ?? null
				})
				.where(eq(guarantee.id, own.id));
			await record(tx, caller, 'certificate.cancel', own, {
				cancelledOn: input.cancelledOn,
				signatureKid: change.raw.kid
			});
		}
		return { id: own.id, status: 'cancelled' as const };
	});
}

/** A new key; the previous one stops matching as soon as this commits. */
export async function reissueKey(caller: IssuerCaller, id: string, change: Change = unsigned) {
	return db.transaction(async (tx) => {
		const own = await lockOwn(tx, caller, id);
		await signedChanges.bind(tx, own, {
			action: 'reissue-key',
			binding: change.binding,
			received: change.raw
		});
		const key = authKeys.generate();
		await tx
			.update(guarantee)
			.set({ authKeyHash: authKeys.hash(own.id, key.canonical), authKeyIssuedAt: new Date() })
			.where(eq(guarantee.id, own.id));
		await record(tx, caller, 'certificate.reissue-key', own, {
			authKey: authKeys.mask(key.canonical),
			signatureKid: change.raw.kid
		});
		return { authKey: key.display, qr: qrPayload(own.guaranteeNumber, key.canonical) };
	});
}

function event(
	caller: IssuerCaller,
	action: string,
	target: { id: string; guaranteeNumber: string },
	detail: Record<string, unknown>
): audit.EventInput {
	return {
		action,
		outcome: 'success',
		...recordedAs(caller),
		issuerId: caller.issuer.id,
		guaranteeId: target.id,
		guaranteeNumber: target.guaranteeNumber,
		detail
	};
}

function record(
	tx: Tx,
	caller: IssuerCaller,
	action: string,
	target: { id: string; guaranteeNumber: string },
	detail: Record<string, unknown>
) {
	return audit.record(event(caller, action, target, detail), tx);
}
