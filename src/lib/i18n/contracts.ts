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
		startOn: '工期（開始）',
		endOn: '工期（終了）',
		period: '工期',
		lowBid: '低入札価格調査の対象（契約保証 3/10 以上）',
		advancePaymentAmount: '前払金額（予定・円）',
		intermediateAdvancePaymentAmount: '中間前払金額（予定・円）',
		changedOn: '変更契約日',
		newAmount: '変更後の請負代金額（円）',
		newEndOn: '変更後の工期（終了）',
		note: '備考'
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
		nothingChanged: '変更後の請負代金額または工期（終了）を入力してください。',
		duplicate: 'この契約番号は登録済みです。'
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
			'contract-ratio': '契約保証の金額',
			'advance-ratio': '前払金の割合',
			'intermediate-ratio': '中間前払金の割合',
			period: '保証期限',
			status: '状態',
			'one-contract': '他案件との重複'
		} as Record<string, string>,
		open: '電子証書を表示',
		attachedBy: (at: string, by: string) => `${at} ${by} が照合・添付`,
		changedSince: '前回の確認からの変更',
		changeFields: {
			version: '版',
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
		save: '修正を保存する'
	},
	record: {
		title: '検証記録（案件）',
		printedAt: '作成日時',
		clerk: '作成者',
		print: '印刷する',
		attached: '照合・添付',
		checkedAt: '前回の確認',
		verdict: '総合結果'
	},
	importPage: {
		title: '契約台帳（CSV）の取り込み',
		lead: 'Excel で保存した CSV（Shift_JIS または UTF-8）を取り込みます。1行目は見出し（契約番号,工事名,受注者,請負代金額,工期開始,工期終了,低入札,前払金額,中間前払金額）です。誤りのある行は取り込まず、行番号と理由を表示します。',
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
		startOn: 'Works start',
		endOn: 'Works end',
		period: 'Works period',
		lowBid: 'Low-bid contract (contract guarantee ≥ 3/10)',
		advancePaymentAmount: 'Planned advance (yen)',
		intermediateAdvancePaymentAmount: 'Planned intermediate advance (yen)',
		changedOn: 'Change date',
		newAmount: 'New contract price (yen)',
		newEndOn: 'New works end',
		note: 'Note'
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
		duplicate: 'This contract number already exists.'
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
			'contract-ratio': 'Contract guarantee amount',
			'advance-ratio': 'Advance ratio',
			'intermediate-ratio': 'Intermediate advance ratio',
			period: 'Guarantee end',
			status: 'Status',
			'one-contract': 'Not on another contract'
		},
		open: 'Open certificate',
		attachedBy: (at, by) => `verified and attached ${at} by ${by}`,
		changedSince: 'Changed since the last check',
		changeFields: {
			version: 'Version',
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
		save: 'Save the correction'
	},
	record: {
		title: 'Verification record (contract)',
		printedAt: 'Made at',
		clerk: 'Made by',
		print: 'Print',
		attached: 'Verified and attached',
		checkedAt: 'Last reviewed',
		verdict: 'Overall'
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
