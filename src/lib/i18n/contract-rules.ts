/**
 * The organisation's check rules (前金払規則・契約規則): the admin screen, and the 「適用した基準」
 * a file and its printed record show. Part of the contracts area (`contracts.rules`).
 */
const tenths = (n: number) => `${n}/10`;
export const ja = {
	title: '点検基準の設定',
	lead: 'この団体の前金払規則・契約規則に合わせて、案件の点検に使う基準を設定します。変更はすぐにすべての案件の点検に反映され、監査ログに記録されます。',
	applied: '適用した基準',
	appliedLead: 'この点検に使った基準（法令・約款と、この団体の設定）',
	changedAt: (at: string, by: string) => `最終変更: ${at}（${by}）`,
	defaults: '初期設定のまま（変更されていません）',
	edit: '点検基準を変更する（管理者）',
	history: '変更の履歴（監査ログ）',
	saved: '点検基準を保存しました。',
	unchanged: '変更はありませんでした。',
	submit: '保存する',
	errors: {
		heading: '入力内容を確認してください',
		invalid: '選択肢から選んでください。',
		advanceCap: '上限額は円単位の整数で入力してください（空欄は上限なし）。'
	},
	fields: {
		serviceAdvanceTenths: '業務委託（測量・設計・調査）の前払金の限度',
		serviceHint: '地方自治法施行規則 附則第3条: 10分の3以内',
		lowBidAdvanceTenths: '低入札価格調査を経た契約の前払金の限度',
		lowBidHint: '前金払規則で定めている場合に設定します',
		lowBidOff: '定めなし（工事 4/10・業務委託の限度のまま）',
		advanceRoundingUnit: '前払金額の端数',
		units: {
			1: '1円単位（端数処理なし）',
			10000: '1万円未満切り捨て',
			100000: '10万円未満切り捨て'
		} as Record<number, string>,
		advanceCap: '前払金の上限額（円）',
		capHint: '空欄は上限なし。例: 100,000,000',
		increaseShortfall: '増額の変更契約後に契約保証の額が不足するとき',
		shortfall: {
			warn: '要確認とする（約款第4条: 発注者は増額を請求できる）',
			fail: '不適合とする（契約規則で増額を求めている）'
		}
	},
	lines: {
		contract: (low: boolean) =>
			`契約保証: 請負代金額の 1/10 以上${low ? '（低入札価格調査を経た契約は 3/10 以上）' : ''}（公共工事標準請負契約約款 第4条・契約規則）`,
		advance:
			'前払金: 工事は請負代金額の 4/10 以内（地方自治法施行令 附則第7条・同施行規則 附則第3条）',
		service: (n: number) => `前払金: 業務委託は ${tenths(n)} 以内（設定）`,
		lowBid: (n: number | null) =>
			n === null
				? '前払金: 低入札価格調査を経た契約の限度 定めなし（設定）'
				: `前払金: 低入札価格調査を経た契約は ${tenths(n)} 以内（設定）`,
		rounding: (unit: string) => `前払金額の端数: ${unit}（設定）`,
		cap: (cap: string | null) =>
			cap ? `前払金の上限額: ${cap}（設定）` : '前払金の上限額: なし（設定）',
		intermediate:
			'中間前払金: 工事のみ、2/10 以内、前払金との合計 6/10 以内、認定日の記録、部分払とは選択（地方自治法施行規則 附則第3条）',
		decrease:
			'減額後: 受領済みの前払金が 5/10（中間前払金の支払後は合計で 6/10）を超える額を返還（公共工事標準請負契約約款 第34条）',
		increase: (fail: boolean) => `増額後の契約保証の不足: ${fail ? '不適合' : '要確認'}（設定）`,
		period: '保証期限: 工期末以降（複数年度の前払金は工期末と年度末の早い方以降）',
		issuer: '前払金保証の発行者: 登録保証事業会社に限る（公共工事の前払金保証事業に関する法律）'
	}
};

export const en: typeof ja = {
	title: 'Check rules',
	lead: "This organisation's rules for checking contract files (its advance-payment and contract regulations). A change applies to every file at once and is recorded in the audit trail.",
	applied: 'Rules applied',
	appliedLead:
		'The rules these checks used (law, standard contract, and this organisation’s settings)',
	changedAt: (at, by) => `Last changed ${at} by ${by}`,
	defaults: 'Defaults (never changed)',
	edit: 'Change the check rules (admin)',
	history: 'History (audit trail)',
	saved: 'The check rules were saved.',
	unchanged: 'Nothing changed.',
	submit: 'Save',
	errors: {
		heading: 'Please check your input',
		invalid: 'Choose one of the options.',
		advanceCap: 'Enter the cap in whole yen (blank for none).'
	},
	fields: {
		serviceAdvanceTenths: 'Advance limit for service contracts (survey, design, investigation)',
		serviceHint: 'Local Autonomy Act regulations: at most 3/10',
		lowBidAdvanceTenths: 'Advance limit for low-bid contracts',
		lowBidHint: 'Set it where your advance-payment regulation has one',
		lowBidOff: 'None (the works / service limit applies)',
		advanceRoundingUnit: 'Advance amount units',
		units: {
			1: 'To the yen',
			10000: 'Whole ¥10,000 (rounded down)',
			100000: 'Whole ¥100,000 (rounded down)'
		},
		advanceCap: 'Advance cap (yen)',
		capHint: 'Blank for no cap. e.g. 100,000,000',
		increaseShortfall: 'When a contract guarantee falls short after a price increase',
		shortfall: {
			warn: 'Review (the orderer may ask for more)',
			fail: 'Fail (our regulation requires the increase)'
		}
	},
	lines: {
		contract: (low) =>
			`Contract guarantee: at least 1/10 of the price${low ? ' (3/10 for a low-bid contract)' : ''}`,
		advance: 'Advance: works at most 4/10 of the price',
		service: (n) => `Advance: service contracts at most ${tenths(n)} (setting)`,
		lowBid: (n) =>
			n === null
				? 'Advance: no low-bid limit (setting)'
				: `Advance: low-bid contracts at most ${tenths(n)} (setting)`,
		rounding: (unit) => `Advance units: ${unit} (setting)`,
		cap: (cap) => (cap ? `Advance cap: ${cap} (setting)` : 'Advance cap: none (setting)'),
		intermediate:
			'Intermediate advance: works only, at most 2/10, with the advance at most 6/10, certification date recorded, not with partial payments',
		decrease:
			'After a price decrease: the advance above 5/10 (6/10 with an intermediate advance) is returned',
		increase: (fail) =>
			`Contract guarantee short after an increase: ${fail ? 'fail' : 'review'} (setting)`,
		period:
			'Guarantee end: on or after the works end (a multi-year advance: the earlier of works end and fiscal year end)',
		issuer: 'Advance guarantees only from a registered surety company'
	}
};
