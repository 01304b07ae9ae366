import { contractInput, fieldErrors, type ContractInput } from '../files';

/**
 * One line of a contract register (契約台帳 CSV) as a contract file: the header row names the
 * columns (as Excel users title them), each later row is checked with the contract form's own
 * schema, and a refused row gets its reason in Japanese, naming the column as the header does.
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
const REQUIRED = [
	'contractNumber',
	'worksName',
	'contractorName',
	'contractAmount',
	'startOn',
	'endOn'
];
/** The first (canonical) header of each field names it in messages. */
const FIELD_LABELS: Record<string, string> = Object.fromEntries(
	Object.entries(HEADERS)
		.reverse()
		.map(([label, field]) => [field, label])
);
const YES = new Set(['1', 'true', 'yes', 'y', '○', '〇', '有', 'あり', '該当', 'on']);
const MESSAGES: Record<string, (label: string) => string> = {
	beforeStart: () => '工期終了が工期開始より前です',
	fiscalPair: () => '年度と年度割額は両方必要です',
	fiscalOver: () => '年度割額が請負代金額を超えています',
	partialAndIntermediate: () => '部分払と中間前払金は併用できません',
	date: (label) => `${label} は 1900-01-01 から 2199-12-31 までの実在する日付にしてください`,
	characters: (label) => `${label} に使えない文字（表示の向きを変える制御文字など）があります`
};

export type Columns = (keyof ContractInput)[];

/** The header row's columns, or the message naming the required ones it lacks. */
export function columnsOf(header: string[]): { columns: Columns } | { missing: string } {
	const columns = header.map((label) => HEADERS[label.normalize('NFKC')] ?? (label as never));
	const missing = REQUIRED.filter((field) => !columns.includes(field as never));
	if (!missing.length) return { columns };
	return {
		missing: `見出し行に ${missing.map((f) => FIELD_LABELS[f] ?? f).join('、')} がありません`
	};
}

/** One data row: the contract file's input, or why the row is refused. */
export function checkRow(
	columns: Columns,
	cells: string[]
): { input: ContractInput } | { message: string } {
	const raw = Object.fromEntries(columns.map((field, i) => [field, cells[i] ?? '']));
	const yes = (cell: unknown) => YES.has(String(cell ?? '').toLowerCase());
	const parsed = contractInput.safeParse({
		...raw,
		lowBid: yes(raw.lowBid),
		partialPayment: yes(raw.partialPayment)
	});
	if (parsed.success) return { input: parsed.data };
	const message = Object.entries(fieldErrors(parsed.error))
		.map(([field, code]) => {
			const label = FIELD_LABELS[field] ?? field;
			return MESSAGES[code]?.(label) ?? `${label} が正しくありません`;
		})
		.join('。');
	return { message };
}
