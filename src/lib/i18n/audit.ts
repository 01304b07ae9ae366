export const ja = {
	title: '監査ログ',
	lead: 'この団体の閲覧・照合・ログイン・管理操作の記録です。記録は追記のみで、改ざんされると検出されます。',
	filters: {
		legend: '絞り込み',
		from: '開始日',
		to: '終了日',
		user: '利用者',
		action: '操作',
		outcome: '結果',
		guaranteeNumber: '保証契約番号',
		any: 'すべて',
		submit: '絞り込む',
		clear: '条件をクリア',
		invalid:
			'絞り込み条件が正しくありません。日付は 1900-01-01 から 2199-12-31 までを YYYY-MM-DD で入力してください。'
	},
	table: {
		caption: '監査イベント（新しい順）',
		at: '日時',
		action: '操作',
		outcome: '結果',
		actor: '操作者',
		guarantee: '保証契約番号',
		detail: '詳細'
	},
	none: '該当する記録はありません。',
	times: (n: number) => `この1分間に${n}回`,
	next: '次の50件（古い記録）',
	first: '最新に戻る',
	exportCsv: 'CSVでダウンロード（Excel対応）',
	exportHint: '絞り込み条件のうち期間・利用者・操作・結果・保証契約番号が適用されます。',
	checkpoint: {
		heading: '署名済みチェックポイント',
		none: 'チェックポイントはまだありません（1時間ごとに自動で作成されます）。',
		id: '番号',
		number: (id: number, digest: string) => `第${id}号（${digest}）`,
		at: '作成日時',
		covers: '対象',
		count: (chains: number, events: number) =>
			`${chains.toLocaleString('ja-JP')}本の記録列、${events.toLocaleString('ja-JP')}件`,
		intact: 'この団体の記録は、このチェックポイント以降も削除・改変されずに続いています。',
		broken:
			'この団体の記録がチェックポイントと一致しません。削除または改変のおそれがあります。運用者に連絡してください。',
		unusable: 'このチェックポイントの署名を確認できません。運用者に連絡してください。',
		explain:
			'ポータルの鍵で署名された各記録列の末尾と照合しています。すべてのハッシュの検証は運用者が audit verify で行います。',
		printLine: (id: number, digest: string, at: string) =>
			`監査ログのチェックポイント: 第${id}号（${digest}）${at}`,
		printNone: '監査ログのチェックポイント: なし'
	},
	outcomes: { success: '成功', failure: '失敗', denied: '拒否', locked: 'ロック' },
	purposes: {
		contract: '契約時',
		advance_payment: '前払金請求時',
		intermediate_advance_payment: '中間前払金請求時',
		other: 'その他'
	},
	actions: {
		'auth.sign-in': 'ログイン',
		'auth.sign-out': 'ログアウト',
		'key.attempt': '認証キー照合',
		'certificate.view': '電子証書の閲覧',
		'certificate.print': '検証記録の印刷',
		'user.add': 'ユーザー追加',
		'user.disable': 'ユーザー無効化',
		'user.enable': 'ユーザー有効化',
		'user.reset-password': 'パスワード再発行',
		'user.change-password': 'パスワード変更',
		'audit.export': '監査ログの出力',
		'org.add': '団体の登録',
		'contract.create': '案件の登録',
		'contract.update': '案件の修正',
		'contract.change': '変更契約の登録',
		'contract.attach': '保証の添付',
		'contract.import': '契約台帳の取り込み',
		'contract.confirm': '案件の変更確認',
		'contract.print': '案件の検証記録の作成',
		'contract.detach': '保証の添付の取り消し',
		'contract.other-security': '電子証書以外の保証の記録',
		'contract.withdraw-security': '電子証書以外の保証の記録の取り消し',
		'contract.complete': '工事完了の記録',
		'rules.update': '点検基準の変更',
		'contract.view': '案件の閲覧',
		'audit.checkpoint': '監査ログのチェックポイント作成'
	} as Record<string, string>
};

export const en: typeof ja = {
	title: 'Audit log',
	lead: "This organisation's record of views, key checks, sign-ins and administration. It is append-only; any tampering is detected.",
	filters: {
		legend: 'Filter',
		from: 'From',
		to: 'To',
		user: 'User',
		action: 'Action',
		outcome: 'Outcome',
		guaranteeNumber: 'Guarantee number',
		any: 'Any',
		submit: 'Filter',
		clear: 'Clear',
		invalid: 'The filter is not valid. Enter dates from 1900-01-01 to 2199-12-31 as YYYY-MM-DD.'
	},
	table: {
		caption: 'Audit events (newest first)',
		at: 'Time',
		action: 'Action',
		outcome: 'Outcome',
		actor: 'Actor',
		guarantee: 'Guarantee number',
		detail: 'Detail'
	},
	none: 'No matching events.',
	times: (n) => `${n} times in this minute`,
	next: 'Next 50 (older)',
	first: 'Back to newest',
	exportCsv: 'Download CSV (for Excel)',
	exportHint: 'The period, user, action, outcome and guarantee number filters apply.',
	checkpoint: {
		heading: 'Signed checkpoint',
		none: 'No checkpoint yet (one is made every hour).',
		id: 'Number',
		number: (id, digest) => `No. ${id} (${digest})`,
		at: 'Made at',
		covers: 'Covers',
		count: (chains, events) =>
			`${chains.toLocaleString('en-GB')} chains, ${events.toLocaleString('en-GB')} events`,
		intact:
			"This organisation's trail still holds every event of this checkpoint and goes on from it.",
		broken:
			"This organisation's trail does not match the checkpoint: events may have been removed or changed. Tell the operator.",
		unusable: "This checkpoint's signature cannot be checked. Tell the operator.",
		explain:
			"Compared with the end of each chain as signed with the portal's key. The operator checks every hash with audit verify.",
		printLine: (id, digest, at) => `Audit checkpoint: No. ${id} (${digest}) ${at}`,
		printNone: 'Audit checkpoint: none'
	},
	outcomes: { success: 'Success', failure: 'Failure', denied: 'Denied', locked: 'Locked' },
	purposes: {
		contract: 'At contract',
		advance_payment: 'Advance payment request',
		intermediate_advance_payment: 'Intermediate advance request',
		other: 'Other'
	},
	actions: {
		'auth.sign-in': 'Sign-in',
		'auth.sign-out': 'Sign-out',
		'key.attempt': 'Auth key check',
		'certificate.view': 'Certificate view',
		'certificate.print': 'Verification record printed',
		'user.add': 'User added',
		'user.disable': 'User disabled',
		'user.enable': 'User enabled',
		'user.reset-password': 'Password reset',
		'user.change-password': 'Password changed',
		'audit.export': 'Audit log exported',
		'org.add': 'Organisation registered',
		'contract.create': 'Contract created',
		'contract.update': 'Contract corrected',
		'contract.change': 'Contract change',
		'contract.attach': 'Guarantee attached',
		'contract.import': 'Contract register imported',
		'contract.confirm': 'Contract changes reviewed',
		'contract.print': 'Contract verification record made',
		'contract.detach': 'Guarantee detached',
		'contract.other-security': 'Other security recorded',
		'contract.withdraw-security': 'Other security withdrawn',
		'contract.complete': 'Works completion recorded',
		'rules.update': 'Check rules changed',
		'contract.view': 'Contract file viewed',
		'audit.checkpoint': 'Audit checkpoint made'
	}
};
