import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import * as audit from '../audit/append';
import { contractInput, fieldErrors, type ContractInput } from './files';
import { db } from '../db';
import { contractFile } from '../db/schema';
import type { RequestContext } from '../identity/request-context';

/**
 * Imports an organisation's contract register (契約台帳) from CSV, as Excel writes it: UTF-8
 * (with or without BOM) or Shift_JIS. Every line is checked first; the good ones are then
 * inserted in one transaction, so an import never stops half-way. Each refused line is named.
 */
const HEADERS: Record<string, keyof ContractInput> = {
	契約番号: 'contractNumber',
	工事名: 'worksName',
	受注者: 'contractorName',
	受注者名: 'contractorName',
	請負代金額: 'contractAmount',
	工期開始: 'startOn',
	工期開始日: 'startOn',
	工期終了: 'endOn',
	工期終了日: 'endOn',
	工期末: 'endOn',
	低入札: 'lowBid',
	前払金額: 'advancePaymentAmount',
	中間前払金額: 'intermediateAdvancePaymentAmount',
	区分: 'category',
	契約締結日: 'contractedOn',
	年度: 'fiscalYear',
	年度割額: 'fiscalYearAmount',
	中間前払金認定日: 'intermediateCertifiedOn',
	部分払: 'partialPayment'
};
/** The first (canonical) header of each field names it in messages. */
const FIELD_LABELS: Record<string, string> = Object.fromEntries(
	Object.entries(HEADERS)
		.reverse()
		.map(([label, field]) => [field, label])
);
const YES = new Set(['1', 'true', 'yes', 'y', '○', '〇', '有', 'あり', '該当', 'on']);

/** UTF-8 when the bytes are valid UTF-8, otherwise Shift_JIS (what Excel saves as "CSV"). */
export function decode(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return iconv.decode(Buffer.from(bytes), 'Shift_JIS');
	}
}

export interface ImportResult {
	imported: number;
	rejected: { line: number; message: string }[];
}

export async function importCsv(
	who: { organizationId: string; actor: audit.Actor; context: RequestContext },
	bytes: Uint8Array,
	createdBy: string | null
): Promise<ImportResult> {
	let records: string[][];
	try {
		// Empty rows are kept here and skipped below, so that a line number is the record's row,
		// as Excel numbers it (a cell with a line break inside stays one row).
		records = parse(decode(bytes), { relax_column_count: true, trim: true });
	} catch (error) {
		return {
			imported: 0,
			rejected: [{ line: 0, message: `CSVとして読めません: ${(error as Error).message}` }]
		};
	}
	const blank = (cells: string[]) => cells.every((cell) => cell === '');
	const headerAt = records.findIndex((cells) => !blank(cells));
	const header = headerAt < 0 ? [] : records[headerAt];
	const columns = header.map(
		(label) => HEADERS[label.normalize('NFKC')] ?? (label as keyof ContractInput)
	);
	const missing = [
		'contractNumber',
		'worksName',
		'contractorName',
		'contractAmount',
		'startOn',
		'endOn'
	].filter((field) => !columns.includes(field as keyof ContractInput));
	if (missing.length) {
		const names = missing.map((f) => FIELD_LABELS[f] ?? f).join('、');
		const line = Math.max(headerAt, 0) + 1;
		return { imported: 0, rejected: [{ line, message: `見出し行に ${names} がありません` }] };
	}

	const rejected: ImportResult['rejected'] = [];
	const valid: { line: number; input: ContractInput }[] = [];
	const seen = new Set<string>();
	records.forEach((cells, index) => {
		const line = index + 1;
		if (index <= headerAt || blank(cells)) return;
		const raw = Object.fromEntries(columns.map((field, i) => [field, cells[i] ?? '']));
		const yes = (cell: unknown) => YES.has(String(cell ?? '').toLowerCase());
		const parsed = contractInput.safeParse({
			...raw,
			lowBid: yes(raw.lowBid),
			partialPayment: yes(raw.partialPayment)
		});
		if (!parsed.success) {
			const messages = Object.entries(fieldErrors(parsed.error)).map(([field, code]) =>
				code === 'beforeStart'
					? '工期終了が工期開始より前です'
					: code === 'fiscalPair'
						? '年度と年度割額は両方必要です'
						: `${FIELD_LABELS[field] ?? field} が正しくありません`
			);
			rejected.push({ line, message: messages.join('。') });
		} else if (seen.has(parsed.data.contractNumber)) {
			rejected.push({
				line,
				message: `契約番号 ${parsed.data.contractNumber} がファイル内で重複しています`
			});
		} else {
			seen.add(parsed.data.contractNumber);
			valid.push({ line, input: parsed.data });
		}
	});

	let imported = 0;
	await db.transaction(async (tx) => {
		for (const { line, input } of valid) {
			const [row] = await tx
				.insert(contractFile)
				.values({ ...input, organizationId: who.organizationId, createdBy })
				.onConflictDoNothing()
				.returning({ id: contractFile.id });
			if (row) imported++;
			else rejected.push({ line, message: `契約番号 ${input.contractNumber} は登録済みです` });
		}
		await audit.record(
			{
				action: 'contract.import',
				outcome: imported > 0 || rejected.length === 0 ? 'success' : 'failure',
				actor: who.actor,
				context: who.context,
				organizationId: who.organizationId,
				detail: { imported, rejected: rejected.length }
			},
			tx
		);
	});
	rejected.sort((a, b) => a.line - b.line);
	return { imported, rejected };
}
