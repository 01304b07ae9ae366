import { and, eq } from 'drizzle-orm';
import { CsvError } from 'csv-parse';
import { setImmediate } from 'node:timers/promises';
import { z } from 'zod';
import * as audit from '../../audit/append';
import type { ContractInput } from '../files';
import { EncodingError, TooLargeError, records, type Input } from './csv-reader';
import { checkRow, columnsOf, type Columns } from './rows';
import { db } from '../../db';
import { contractFile, contractImport } from '../../db/schema';
import { organizationOf, recordedAs, type TenantCaller } from '../../identity/caller';

/**
 * Imports an organisation's contract register (契約台帳) from CSV (csv-reader.ts reads it as a
 * stream). Every line is checked first, then the good ones go in together in one transaction
 * (100 to a statement), so an import never stops half-way. Each refused line is named; all of
 * them are kept with the import (contract_import) for the page's download, which shows only the
 * first SHOWN_REJECTED. A file over MAX_BYTES or MAX_ROWS lines is refused whole, with the limit.
 */
export const MAX_BYTES = 5 * 1024 * 1024;
/**
 * Lines after the header, blank ones included. A town's register holds hundreds of contracts a
 * year, a city a few thousand; 10,000 lines is years of either, and reads in well under a second.
 */
export const MAX_ROWS = 10_000;
export const SHOWN_REJECTED = 100;
const INSERT_CHUNK = 100;
/**
 * Reading from memory and an embedded database's answers resolve as microtasks, which never let
 * a timer or another request in: the import steps aside after this much work (and after each
 * statement). By time, not by lines: blank lines cost nothing, and stepping aside does.
 */
const STEP_ASIDE_MS = 10;

export interface Rejected {
	line: number;
	message: string;
}
export interface ImportResult {
	/** The stored import: its refused lines are downloadable. */
	id: string;
	imported: number;
	rejected: Rejected[];
}

/** The whole file refused, with the reason (too large, unreadable): nothing was imported. */
export class ImportRefusedError extends Error {
	constructor(
		message: string,
		readonly tooLarge = false
	) {
		super(message);
	}
}

type Valid = { line: number; input: ContractInput };

/** Reads and checks every line: the good ones, and every refused line with its reason. */
async function read(input: Input) {
	const rejected: Rejected[] = [];
	const valid: Valid[] = [];
	const seen = new Set<string>();
	let columns: Columns | null = null;
	let line = 0;
	let since = performance.now();
	for await (const cells of records(input, MAX_BYTES)) {
		// Every line counts, blank ones too: 5 MB of line breaks is 2.5 million of them.
		if (++line > MAX_ROWS + 1)
			throw new ImportRefusedError(
				`行が多すぎます（1回に ${MAX_ROWS.toLocaleString('ja-JP')} 行まで）。ファイルを分けて取り込んでください`,
				true
			);
		if (performance.now() - since > STEP_ASIDE_MS) {
			await setImmediate();
			since = performance.now();
		}
		if (cells.every((cell) => cell === '')) continue;
		if (!columns) {
			const header = columnsOf(cells);
			if ('missing' in header) return { valid, rejected: [{ line, message: header.missing }] };
			columns = header.columns;
			continue;
		}
		const result = checkRow(columns, cells);
		if ('message' in result) rejected.push({ line, message: result.message });
		else if (seen.has(result.input.contractNumber)) {
			rejected.push({
				line,
				message: `契約番号 ${result.input.contractNumber} がファイル内で重複しています`
			});
		} else {
			seen.add(result.input.contractNumber);
			valid.push({ line, input: result.input });
		}
	}
	return { valid, rejected };
}

/**
 * Why csv-parse could not read the file, in Japanese, with the line. Its own message quotes the
 * cell it stopped at, which may be anything (70,000 line breaks, a bidirectional control).
 */
function unreadable(error: CsvError): string {
	const quote = /QUOTE/.test(error.code);
	const what = quote ? '引用符（"）の対応が取れていません' : '形式が正しくありません';
	return `CSVとして読めません（${Number(error.lines) || 1} 行目付近: ${what}）`;
}

/** Reads `input` whole or refuses it whole: a refusal says why, and the limit it passed. */
async function readOrRefuse(input: Input) {
	try {
		return await read(input);
	} catch (error) {
		if (error instanceof TooLargeError)
			throw new ImportRefusedError(
				`ファイルが大きすぎます（${MAX_BYTES / 1024 / 1024} MB まで）。ファイルを分けて取り込んでください`,
				true
			);
		if (error instanceof EncodingError)
			throw new ImportRefusedError(
				'文字コードが途中で変わっています。UTF-8 か Shift_JIS の一方で保存してください'
			);
		if (error instanceof CsvError) throw new ImportRefusedError(unreadable(error));
		throw error;
	}
}

export async function importCsv(
	caller: TenantCaller,
	input: Input,
	createdBy: string | null
): Promise<ImportResult> {
	const { valid, rejected } = await readOrRefuse(input);
	let imported = 0;
	const id = await db.transaction(async (tx) => {
		for (let i = 0; i < valid.length; i += INSERT_CHUNK) {
			const chunk = valid.slice(i, i + INSERT_CHUNK);
			const rows = await tx
				.insert(contractFile)
				.values(
					chunk.map(({ input }) => ({
						...input,
						organizationId: organizationOf(caller),
						createdBy
					}))
				)
				.onConflictDoNothing()
				.returning({ contractNumber: contractFile.contractNumber });
			const inserted = new Set(rows.map((row) => row.contractNumber));
			imported += inserted.size;
			for (const { line, input } of chunk)
				if (!inserted.has(input.contractNumber))
					rejected.push({ line, message: `契約番号 ${input.contractNumber} は登録済みです` });
			await setImmediate();
		}
		rejected.sort((a, b) => a.line - b.line);
		const [row] = await tx
			.insert(contractImport)
			.values({ organizationId: organizationOf(caller), createdBy, imported, rejected })
			.returning({ id: contractImport.id });
		await audit.record(
			{
				action: 'contract.import',
				outcome: imported > 0 || rejected.length === 0 ? 'success' : 'failure',
				...recordedAs(caller),
				organizationId: organizationOf(caller),
				detail: { import: row.id, imported, rejected: rejected.length }
			},
			tx
		);
		return row.id;
	});
	return { id, imported, rejected };
}

/** The refused lines of one of the organisation's imports; null for another's, or none. */
export async function rejectedLines(
	organizationId: string,
	id: string
): Promise<Rejected[] | null> {
	if (!z.uuid().safeParse(id).success) return null;
	const [row] = await db
		.select({ rejected: contractImport.rejected })
		.from(contractImport)
		.where(and(eq(contractImport.id, id), eq(contractImport.organizationId, organizationId)));
	return row?.rejected ?? null;
}
