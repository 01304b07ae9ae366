import type { SecurityMethod } from '../guarantee';
import * as rules from './contract-rules';

export const ja = {
	title: '案件',
	lead: 'この団体の契約（案件）ごとに、提出された電子保証を照合して自動で点検します。',
	newFile: '案件を登録',
	importCsv: '契約台帳（CSV）を取り込む',
	workList: {
		title: '対応が必要な案件',
		none: '対応が必要な案件はありません。',
		reasons: {
			fail: '不適合の点検項目があります',
			warn: '確認が必要な点検項目があります',
			missing: (kinds: string) => `未提出: ${kinds}`,
			expiring: '保証期限が30日以内です'
		}
	},
	all: '案件一覧',
	filter: {
		legend: '絞り込み',
		q: '契約番号・工事名・受注者名',
		show: '表示',
		options: { all: 'すべて', attention: '対応が必要', fail: '不適合あり', warn: '要確認あり' },
		submit: '絞り込む',
		clear: '条件を解除',
		count: (shown: number, total: number) => `${total} 件中 ${shown} 件を表示`
	},
	none: 'まだ案件がありません。',
	fields: {
		contractNumber: '契約番号',
		worksName: '工事名',
		contractorName: '受注者名',
		contractAmount: '請負代金額（円・税込）',
		startOn: '工期（自）',
		endOn: '工期（至）',
		period: '工期',
		lowBid: '低入札価格調査を経た契約（契約保証 3/10 以上）',
		advancePaymentAmount: '前払金額（予定・円）',
		intermediateAdvancePaymentAmount: '中間前払金額（予定・円）',
		changedOn: '変更契約日',
		newAmount: '変更後の請負代金額（円）',
		newEndOn: '変更後の工期（至）',
		note: '備考',
		category: '区分',
		categories: { construction: '工事', service: '業務委託（測量・設計・調査）' } as Record<
			string,
			string
		>,
		contractedOn: '契約締結日',
		fiscalYear: '年度（債務負担行為の場合）',
		fiscalYearHint: 'この前払金の年度。例: 2026 または 令和8',
		fiscalYearAmount: '年度割額（円）',
		intermediateCertifiedOn: '中間前払金の認定日',
		partialPayment: '部分払を選択（中間前払金とは併用できません）',
		completedOn: '完了（引渡し）日'
	},
	amountHint: '整数（円）。「38,500,000」のようにカンマ付きでも入力できます。',
	dateHint: '例: 2026-07-01',
	save: '登録する',
	errors: {
		heading: '入力内容を確認してください',
		invalid: '正しく入力してください。',
		beforeStart: '工期の終了は開始以降の日付にしてください。',
		date: '1900-01-01 から 2199-12-31 までの実在する日付を入力してください（例: 2026-07-01）。',
		characters: '表示の向きを変える制御文字などは使えません。文字を入力し直してください。',
		nothingChanged: '変更後の請負代金額または工期（至）を入力してください。',
		duplicate: 'この契約番号は登録済みです。',
		fiscalPair: '年度と年度割額は両方入力してください。',
		fiscalOver: '年度割額は請負代金額以下にしてください。',
		partialAndIntermediate: '部分払を選んだ案件には中間前払金を予定できません。',
		noteRequired: '理由を入力してください。',
		referenceRequired: '証書・証券の番号などを入力してください。',
		advanceOnlyPaper: '前払金保証は保証事業会社の保証証書（紙）に限られます。',
		notAttached: 'この保証契約番号の保証は添付されていません。',
		notRecorded: 'この記録は見つからないか、取り消し済みです。'
	},
	file: {
		terms: '契約の内容',
		current: '現在（変更契約反映後）',
		stageTitle: '電子保証の照合と添付',
		stageLead:
			'受注者から提出された認証キーで照合し、この案件に添付します。照合は「電子証書の照合」と同じく記録されます。',
		attach: '照合して添付する',
		attached: '添付した電子保証',
		noneAttached: 'まだ電子保証は添付されていません。',
		checksFor: (number: string) => `点検結果（保証契約番号 ${number}）`,
		results: { pass: '適合', warn: '要確認', fail: '不適合' },
		checkNames: {
			'addressed-to-us': '宛先（被保証者）',
			'same-works': '工事・受注者の一致',
			'contract-amount': '請負代金額の一致',
			'works-period': '工期の一致',
			'contract-ratio': '契約保証の金額',
			'advance-ratio': '前払金の割合',
			'intermediate-ratio': '中間前払金の割合',
			period: '保証期限',
			'issuer-type': '発行者の種別',
			status: '状態',
			'one-contract': '他案件との重複',
			submitted: '保証の提出'
		} as Record<string, string>,
		fileChecks: 'この案件の点検結果',
		more: '案件の詳細',
		completed: (on: string) => `完了（引渡し）: ${on}`,
		yes: 'あり',
		no: 'なし',
		open: '電子証書を表示',
		attachedBy: (at: string, by: string) => `${at} ${by} が照合・添付`,
		changedSince: '前回の確認からの変更',
		changeFields: {
			version: '当初・変更',
			status: '状態',
			guaranteeAmount: '保証金額',
			advancePaymentAmount: '前払金額',
			guaranteeEndOn: '保証期限',
			contractAmount: '請負代金額（証書）',
			worksEndOn: '工期末（証書）'
		} as Record<string, string>,
		confirm: '変更を確認した',
		lastChecked: '前回の確認',
		missing: '未提出の保証',
		changes: '変更契約の履歴',
		noChanges: '変更契約はありません。',
		addChange: '変更契約を登録',
		record: '検証記録を印刷用に表示',
		edit: '案件の内容を修正する（誤りの訂正）',
		save: '修正を保存する',
		comparison: {
			caption: (number: string) => `案件と証書の照合（保証契約番号 ${number}）`,
			item: '項目',
			file: '案件',
			certificate: '証書',
			match: '照合',
			same: '一致',
			differs: '相違',
			notGiven: '記載なし',
			fields: {
				worksName: '工事名',
				contractorName: '受注者',
				contractAmount: '請負代金額',
				startOn: '工期（自）',
				endOn: '工期（至）',
				category: '区分',
				contractedOn: '契約締結日',
				fiscalYear: '年度',
				fiscalYearAmount: '年度割額'
			} as Record<string, string>
		},
		mismatch: {
			heading: '工事名または受注者が案件と異なるため、添付していません。',
			row: (field: string, certificate: string, file: string) =>
				`${field}: 証書「${certificate}」／案件「${file}」`,
			accept: '相違を確認したうえで添付する',
			note: '確認した内容（必須）',
			noteHint: '例: 契約書の略称で同一工事。受注者は商号変更（登記で確認）。',
			noteMissing: '相違を確認したうえで添付するには、確認した内容を入力してください。',
			again:
				'別の工事の保証なら、添付しないでください。相違を確認したうえで添付するときは、下の「相違を確認したうえで添付する」にチェックを入れ、確認した内容を入力して、もう一度「照合して添付する」を押してください（認証キーが空欄なら入力し直してください）。'
		},
		detach: {
			summary: 'この添付を外す（誤って添付した場合）',
			note: '外す理由（必須）',
			submit: '添付を外す',
			title: '外した保証',
			row: (at: string, by: string, note: string) => `${at} ${by} が外しました（理由: ${note}）`
		},
		security: {
			title: '電子証書以外の方法による保証',
			lead: '紙の保証証書、公共工事履行保証証券、履行保証保険、金融機関の保証、契約保証金、免除を記録します。記録した保証は提出済みとして扱い、金額・期限を入力した場合は電子証書と同じように点検します。',
			none: '記録はありません。',
			kind: '保証の種類',
			method: '方法',
			methods: {
				paper: '紙の保証証書',
				bond: '公共工事履行保証証券',
				insurance: '履行保証保険',
				bank: '金融機関の保証',
				cash: '契約保証金',
				exempt: '免除'
			} as Record<SecurityMethod, string>,
			reference: '証書・証券等の番号',
			referenceHint: '免除の場合は不要',
			amount: '保証金額・保険金額（円）',
			endOn: '保証期限',
			note: '備考（免除の場合は根拠を必須）',
			submit: '記録する',
			recorded: (at: string, by: string) => `${at} ${by} が記録`,
			withdraw: 'この記録を取り消す（誤って記録した場合）',
			withdrawNote: '取り消す理由（必須）',
			withdrawSubmit: '記録を取り消す',
			withdrawn: (note: string) => `取消済み（理由: ${note}）`,
			checksFor: (method: string) => `点検結果（${method}）`
		},
		complete: {
			title: '工事の完了',
			lead: '完了（引渡し）を記録すると、工事とともに保証期間が満了した保証を「要対応」にしません。',
			mark: '完了を記録する',
			undo: '完了の記録を取り消す'
		},
		rulesLink: 'この団体の点検基準'
	},
	rules: rules.ja,
	record: {
		title: '検証記録（案件）',
		printedAt: '作成日時',
		clerk: '作成者',
		print: '印刷する',
		attached: '照合・添付',
		checkedAt: '前回の確認',
		verdict: '総合結果',
		securities: '電子証書以外の方法による保証'
	},
	importPage: {
		title: '契約台帳（CSV）の取り込み',
		lead: 'Excel で保存した CSV（Shift_JIS または UTF-8）を取り込みます。1行目は見出し（契約番号,工事名,受注者,請負代金額,工期開始,工期終了,低入札,前払金額,中間前払金額。任意で 区分（工事／業務委託）,契約締結日,年度,年度割額,中間前払金認定日,部分払）です。誤りのある行は取り込まず、行番号と理由を表示します。',
		file: 'CSV ファイル',
		submit: '取り込む',
		result: (n: number) => `${n} 件を取り込みました。`,
		rejected: '取り込まなかった行',
		rejectedCount: (n: number) => `${n.toLocaleString('ja-JP')} 行は取り込みませんでした。`,
		firstRejected: (shown: number, total: number) =>
			`取り込まなかった行（${total.toLocaleString('ja-JP')} 行のうち最初の ${shown} 行）`,
		download: (n: number) =>
			`取り込まなかった ${n.toLocaleString('ja-JP')} 行をすべて CSV でダウンロード`,
		line: '行',
		message: '理由',
		noFile: 'CSV ファイルを選んでください。',
		tooLarge: (mb: number) =>
			`ファイルが大きすぎます（${mb} MB まで）。ファイルを分けて取り込んでください。`,
		limits: (mb: number, rows: string) => `1回に取り込めるのは ${mb} MB、${rows} 行までです。`
	}
};

export const en: typeof ja = {
	title: 'Contracts',
	lead: "Each of this organisation's contracts, with the electronic guarantees verified for it and checked automatically.",
	newFile: 'New contract',
	importCsv: 'Import the contract register (CSV)',
	workList: {
		title: 'Contracts needing attention',
		none: 'No contract needs attention.',
		reasons: {
			fail: 'A check failed',
			warn: 'A check needs review',
			missing: (kinds) => `Missing: ${kinds}`,
			expiring: 'A guarantee ends within 30 days'
		}
	},
	all: 'All contracts',
	filter: {
		legend: 'Filter',
		q: 'Contract number, works or contractor',
		show: 'Show',
		options: {
			all: 'All',
			attention: 'Needing attention',
			fail: 'With a failed check',
			warn: 'With a check to review'
		},
		submit: 'Filter',
		clear: 'Clear',
		count: (shown, total) => `${shown} of ${total}`
	},
	none: 'No contracts yet.',
	fields: {
		contractNumber: 'Contract number',
		worksName: 'Works',
		contractorName: 'Contractor',
		contractAmount: 'Contract price (yen, incl. tax)',
		startOn: 'Works from',
		endOn: 'Works to',
		period: 'Works period',
		lowBid: 'Low-bid contract after investigation (contract guarantee ≥ 3/10)',
		advancePaymentAmount: 'Planned advance (yen)',
		intermediateAdvancePaymentAmount: 'Planned intermediate advance (yen)',
		changedOn: 'Change date',
		newAmount: 'New contract price (yen)',
		newEndOn: 'New works end',
		note: 'Note',
		category: 'Category',
		categories: { construction: 'Works', service: 'Service (survey, design, investigation)' },
		contractedOn: 'Contract date',
		fiscalYear: 'Fiscal year (multi-year contract)',
		fiscalYearHint: 'The fiscal year of this advance, e.g. 2026',
		fiscalYearAmount: "The year's planned amount (yen)",
		intermediateCertifiedOn: 'Intermediate advance certified on',
		partialPayment: 'Partial payments chosen (excludes the intermediate advance)',
		completedOn: 'Completed (handed over) on'
	},
	amountHint: 'Whole yen; commas are fine (38,500,000).',
	dateHint: 'e.g. 2026-07-01',
	save: 'Save',
	errors: {
		heading: 'Please check your input',
		invalid: 'Please enter a valid value.',
		beforeStart: 'The works must end on or after they start.',
		date: 'Enter a real date from 1900-01-01 to 2199-12-31 (e.g. 2026-07-01).',
		characters: 'Direction control characters and similar are not allowed; please retype the text.',
		nothingChanged: 'Enter a new price or a new end date.',
		duplicate: 'This contract number already exists.',
		fiscalPair: 'Enter both the fiscal year and its amount.',
		fiscalOver: "The year's amount cannot exceed the contract price.",
		partialAndIntermediate: 'A file with partial payments cannot plan an intermediate advance.',
		noteRequired: 'Enter the reason.',
		referenceRequired: 'Enter the certificate or bond number.',
		advanceOnlyPaper: "An advance guarantee can only be a surety company's paper certificate.",
		notAttached: 'No guarantee with this number is attached.',
		notRecorded: 'No such record, or it was withdrawn already.'
	},
	file: {
		terms: 'Contract',
		current: 'Now (after changes)',
		stageTitle: 'Verify and attach a guarantee',
		stageLead:
			"Verify the key from the contractor's notice and attach the guarantee. This is recorded like any verification.",
		attach: 'Verify and attach',
		attached: 'Attached guarantees',
		noneAttached: 'No guarantee attached yet.',
		checksFor: (number) => `Checks (guarantee ${number})`,
		results: { pass: 'Pass', warn: 'Review', fail: 'Fail' },
		checkNames: {
			'addressed-to-us': 'Addressed to us',
			'same-works': 'Same works and contractor',
			'contract-amount': 'Same contract price',
			'works-period': 'Same works period',
			'contract-ratio': 'Contract guarantee amount',
			'advance-ratio': 'Advance ratio',
			'intermediate-ratio': 'Intermediate advance ratio',
			period: 'Guarantee end',
			'issuer-type': 'Issuer type',
			status: 'Status',
			'one-contract': 'Not on another contract',
			submitted: 'Guarantees submitted'
		},
		fileChecks: 'Checks of this contract',
		more: 'Details',
		completed: (on) => `Completed (handed over): ${on}`,
		yes: 'Yes',
		no: 'No',
		open: 'Open certificate',
		attachedBy: (at, by) => `verified and attached ${at} by ${by}`,
		changedSince: 'Changed since the last check',
		changeFields: {
			version: 'Original / change',
			status: 'Status',
			guaranteeAmount: 'Guarantee amount',
			advancePaymentAmount: 'Advance',
			guaranteeEndOn: 'Guarantee end',
			contractAmount: 'Contract price (certificate)',
			worksEndOn: 'Works end (certificate)'
		},
		confirm: 'I have reviewed the changes',
		lastChecked: 'Last reviewed',
		missing: 'Missing guarantees',
		changes: 'Contract changes',
		noChanges: 'No contract changes.',
		addChange: 'Record a contract change',
		record: 'Printable verification record',
		edit: 'Correct this contract (fix a mistake)',
		save: 'Save the correction',
		comparison: {
			caption: (number) => `Contract and certificate compared (guarantee ${number})`,
			item: 'Item',
			file: 'Contract',
			certificate: 'Certificate',
			match: 'Compared',
			same: 'Same',
			differs: 'Differs',
			notGiven: 'Not given',
			fields: {
				worksName: 'Works',
				contractorName: 'Contractor',
				contractAmount: 'Contract price',
				startOn: 'Works from',
				endOn: 'Works to',
				category: 'Category',
				contractedOn: 'Contract date',
				fiscalYear: 'Fiscal year',
				fiscalYearAmount: "Year's amount"
			}
		},
		mismatch: {
			heading: 'Not attached: the works or the contractor differ from this contract.',
			row: (field, certificate, file) =>
				`${field}: certificate "${certificate}" / contract "${file}"`,
			accept: 'I have checked the difference; attach it',
			note: 'What you checked (required)',
			noteHint: 'e.g. Short name of the same works; the contractor renamed (registry checked).',
			noteMissing: 'To attach despite the difference, say what you checked.',
			again:
				'If it is the guarantee of other works, do not attach it. To attach it after checking, tick "I have checked the difference", say what you checked, and press "Verify and attach" again (re-enter the auth key if it is empty).'
		},
		detach: {
			summary: 'Detach (attached by mistake)',
			note: 'Reason (required)',
			submit: 'Detach',
			title: 'Detached guarantees',
			row: (at, by, note) => `detached ${at} by ${by} (reason: ${note})`
		},
		security: {
			title: 'Guarantees provided another way',
			lead: 'Record a paper certificate, a performance bond, performance insurance, a bank guarantee, a cash deposit or an exemption. It counts as submitted; its amount and end date, when given, are checked like a certificate.',
			none: 'None recorded.',
			kind: 'Kind',
			method: 'How',
			methods: {
				paper: 'Paper certificate',
				bond: 'Performance bond',
				insurance: 'Performance insurance',
				bank: 'Bank guarantee',
				cash: 'Cash deposit',
				exempt: 'Exempt'
			},
			reference: 'Certificate or bond number',
			referenceHint: 'Not needed for an exemption',
			amount: 'Amount (yen)',
			endOn: 'Guarantee end',
			note: 'Note (the basis of an exemption is required)',
			submit: 'Record',
			recorded: (at, by) => `recorded ${at} by ${by}`,
			withdraw: 'Withdraw this record (recorded by mistake)',
			withdrawNote: 'Reason (required)',
			withdrawSubmit: 'Withdraw',
			withdrawn: (note) => `Withdrawn (reason: ${note})`,
			checksFor: (method) => `Checks (${method})`
		},
		complete: {
			title: 'Works completion',
			lead: 'Once completion is recorded, guarantees that ended with the works no longer need attention.',
			mark: 'Record completion',
			undo: 'Undo completion'
		},
		rulesLink: "This organisation's check rules"
	},
	rules: rules.en,
	record: {
		title: 'Verification record (contract)',
		printedAt: 'Made at',
		clerk: 'Made by',
		print: 'Print',
		attached: 'Verified and attached',
		checkedAt: 'Last reviewed',
		verdict: 'Overall',
		securities: 'Guarantees provided another way'
	},
	importPage: {
		title: 'Import the contract register (CSV)',
		lead: 'A CSV saved by Excel (Shift_JIS or UTF-8) with a header row. Lines with errors are not imported; each is listed with its reason.',
		file: 'CSV file',
		submit: 'Import',
		result: (n) => `${n} imported.`,
		rejected: 'Lines not imported',
		rejectedCount: (n) => `${n.toLocaleString('en')} lines were not imported.`,
		firstRejected: (shown, total) =>
			`Lines not imported (the first ${shown} of ${total.toLocaleString('en')})`,
		download: (n) => `Download all ${n.toLocaleString('en')} lines not imported (CSV)`,
		line: 'Line',
		message: 'Reason',
		noFile: 'Choose a CSV file.',
		tooLarge: (mb) => `The file is too large (at most ${mb} MB). Split it and import each part.`,
		limits: (mb, rows) => `One import takes at most ${mb} MB and ${rows} lines.`
	}
};
