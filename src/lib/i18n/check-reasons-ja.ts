import type { AdvanceBase, BaseMismatch, RequiredEnd, Sentences } from '../check-reasons';
import { ja as contracts } from './contracts';
import { fiscalYearLabel as year, formatDate, formatYen as yen } from './format';
import { ja as names } from './guarantee';

/**
 * The contract checks' reasons in Japanese, in plain words with the numbers a clerk writes into
 * the 決裁 (必要額, 不足額, 返還額) and the rule each comes from (令, 約款, 規則).
 */
const day = (iso: string) => formatDate(iso, 'ja');
const baseLabel = (b: AdvanceBase) =>
	b.of === 'price'
		? '請負代金額'
		: `${year(b.fiscalYear)}の年度割額${b.fromCertificate ? '（証書）' : ''}`;
const base = (b: AdvanceBase) => `${baseLabel(b)} ${yen(b.amount)}`;
const rules = { construction: '工事', service: '業務委託', 'low-bid': '低入札価格調査を経た契約' };
const categories = { construction: '工事', service: '業務委託' };
const issuers = { surety: '保証事業会社', insurer: '損害保険会社', bank: '金融機関' };
const amounts = { advance: '前払金額', intermediate: '中間前払金額' };
const provisions = { electronic: '電子証書', ...contracts.file.security.methods };
const unit = (yenUnit: number) => (yenUnit === 100_000 ? '10万円' : '1万円');
const required = (r: RequiredEnd) =>
	r.fiscalYear !== null ? `${year(r.fiscalYear)}末 ${day(r.on)}` : `工期末 ${day(r.on)}`;
const WHICH_SIDE =
	'変更契約が未登録なら案件に登録し、証書の誤りなら保証事業会社に変更保証証書を求めてください';

const limit = (p: { base: AdvanceBase; tenths: number; rule: keyof typeof rules; max: number }) =>
	`${base(p.base)} の ${p.tenths}/10（${rules[p.rule]}、限度額 ${yen(p.max)}）`;
const ratio = (p: {
	guaranteeAmount: number;
	contractAmount: number;
	tenths: number;
	lowBid: boolean;
}) =>
	`保証金額 ${yen(p.guaranteeAmount)} は請負代金額 ${yen(p.contractAmount)} の ${p.tenths}/10${p.lowBid ? '（低入札価格調査を経た契約）' : ''}`;
const received = (p: { paid: number; withIntermediate: boolean }) =>
	p.withIntermediate
		? `受領済みの前払金と中間前払金の合計 ${yen(p.paid)}`
		: `受領済みの前払金額 ${yen(p.paid)}`;
const changedEnd = (p: { changedOn: string; endOn: string }) =>
	`変更契約（${day(p.changedOn)}）後の工期（至）${day(p.endOn)}`;
const intermediateWithin = (p: { intermediate: number; total: number }) =>
	`中間前払金額 ${yen(p.intermediate)} は 2/10 以内、前払金との合計 ${yen(p.total)} は 6/10 以内です`;

function mismatch(m: BaseMismatch) {
	if (m.about === 'category') {
		return `証書の区分（${categories[m.certificate]}）が案件の区分（${categories[m.file]}）と異なります。限度額は案件の区分で計算しています`;
	}
	if (m.about === 'later-year') {
		return `証書は${year(m.certificate)}分です。案件の年度（${year(m.file)}）と年度割額を更新してください`;
	}
	return `証書の年度割額 ${yen(m.certificate)} が案件の ${yen(m.file)} と異なります`;
}

export const ja: Sentences = {
	addressed: () => '被保証者（発注者）はこの団体です',
	'not-addressed': () => '被保証者（発注者）がこの団体ではありません',
	'same-works': () => '工事名と受注者が案件と一致します',
	'works-differ': (p) =>
		[
			p.worksName &&
				`工事名「${p.worksName.certificate}」が案件の「${p.worksName.file}」と異なります`,
			p.contractorName &&
				`受注者「${p.contractorName.certificate}」が案件の「${p.contractorName.file}」と異なります`,
			p.note && `確認のうえ添付されました（備考: ${p.note}）`
		]
			.filter(Boolean)
			.join('。'),
	'amount-same': (p) => `証書の請負代金額 ${yen(p.certificate)} は案件の請負代金額と一致します`,
	'amount-before-change': (p) =>
		`証書の請負代金額 ${yen(p.certificate)} は変更契約（${day(p.changedOn)}）前のものです。保証の額は変更後の請負代金額 ${yen(p.contractAmount)}に対しても足りているため、変更保証証書は不要です`,
	'amount-change-missing': (p) =>
		`変更契約（${day(p.changedOn)}）の変更後の請負代金額 ${yen(p.contractAmount)}が証書に反映されていません。金額の点検結果のとおり、変更保証証書が必要です`,
	'amount-differs': (p) =>
		`証書の請負代金額 ${yen(p.certificate)} が案件の請負代金額 ${yen(p.file)} と異なります。${WHICH_SIDE}`,
	'start-differs': (p) =>
		`証書の工期（自）${day(p.certificate)} が案件の ${day(p.file)} と異なります。${WHICH_SIDE}`,
	'period-same': () => '証書の工期（自）（至）は案件と一致します',
	'end-before-change': (p) =>
		`証書の工期（至）${day(p.certificate)} は変更前のものです。保証期限は${changedEnd(p)}にも届いています`,
	'end-change-missing': (p) =>
		`${changedEnd(p)}が証書（${day(p.certificate)}）に反映されていません。保証期限の点検結果のとおり、変更保証証書が必要です`,
	'end-differs': (p) =>
		`証書の工期（至）${day(p.certificate)} が案件の ${day(p.file)} と異なります。${WHICH_SIDE}`,
	'contract-covered': (p) => `${ratio(p)} 以上です`,
	'contract-short': (p) =>
		`${ratio(p)} に足りません（必要額 ${yen(p.needed)} 以上、不足 ${yen(p.shortfall)}）`,
	'contract-short-after-increase': (p) =>
		`${ratio(p)} に足りません（増額後の必要額 ${yen(p.needed)} 以上、不足 ${yen(p.shortfall)}）。増額前の請負代金額には足りていました。発注者は保証の額の増額を請求できます（公共工事標準請負契約約款 第4条）`,
	'advance-not-guaranteed': (p) =>
		`保証金額 ${yen(p.guaranteeAmount)} が前払金額 ${yen(p.advance)} と一致しません`,
	'advance-over': (p) => `前払金額 ${yen(p.advance)} が${limit(p)}を超えています`,
	'advance-within': (p) => `前払金額 ${yen(p.advance)} は${limit(p)}以内で、保証金額と一致します`,
	'advance-base-differs': (p) =>
		`前払金額 ${yen(p.advance)} は${limit(p)}以内ですが、${mismatch(p.mismatch)}`,
	'fraction-of-unit': (p) =>
		`${amounts[p.what]} ${yen(p.amount)} に${unit(p.unit)}未満の端数があります（この団体の前金払規則: ${unit(p.unit)}未満切り捨て、限度額 ${yen(p.max)}）`,
	'over-cap': (p) =>
		`${amounts[p.what]} ${yen(p.amount)} がこの団体の前払金の上限 ${yen(p.cap)} を超えています（前金払規則）`,
	'decrease-within': (p) =>
		`${received(p)} は減額後の${base(p.base)} の ${p.limitTenths}/10（${yen(p.limit)}） を超えますが、${p.keepTenths}/10（${yen(p.keep)}）以内のため返還は不要です（公共工事標準請負契約約款 第34条）`,
	'decrease-refund': (p) =>
		`${received(p)} が減額後の${base(p.base)} の ${p.keepTenths}/10（${yen(p.keep)}）を超えています。返還額 ${yen(p.refund)}（公共工事標準請負契約約款 第34条）`,
	'intermediate-for-service': () =>
		'業務委託には中間前払金はありません（地方自治法施行規則 附則第3条: 中間前金払は工事に限られます）',
	'intermediate-with-partial-payment': () =>
		'この案件は部分払を選んでいます。中間前払金と部分払は併用できません（中間前金払取扱要領）',
	'intermediate-not-guaranteed': (p) =>
		`保証金額 ${yen(p.guaranteeAmount)} が中間前払金額 ${yen(p.intermediate)} と一致しません`,
	'intermediate-over': (p) =>
		`中間前払金額 ${yen(p.intermediate)} が${base(p.base)} の 2/10（限度額 ${yen(p.max)}）を超えています`,
	'intermediate-total-over': (p) =>
		`前払金と中間前払金の合計 ${yen(p.total)} が${base(p.base)} の 6/10 を超えています`,
	'intermediate-not-certified': (p) =>
		`${intermediateWithin(p)}。中間前払金の認定日が案件に記録されていません`,
	'intermediate-within': intermediateWithin,
	'end-reached': (p) => `保証期限 ${day(p.guaranteeEndOn)} は${required(p.required)} 以降です`,
	'extension-not-reflected': (p) =>
		`工期延長（変更契約 ${day(p.changedOn)}: 工期末 ${day(p.before)} → ${day(p.endOn)}）に合わせた保証期限変更がありません。保証期限を ${day(p.endOn)} 以降とする変更保証証書（保証期限変更）が必要です`,
	'end-short': (p) =>
		`保証期限 ${day(p.guaranteeEndOn)} が${required(p.required)} より前です（保証期限を延ばす変更保証証書が必要です）`,
	issuer: (p) => `発行者は${issuers[p.issuerType]}です`,
	'advance-issuer': (p) =>
		`前払金の保証は登録保証事業会社に限られます（公共工事の前払金保証事業に関する法律）。この証書の発行者は${issuers[p.issuerType]}です`,
	'cancelled-after-completion': (p) => `工事完了（${day(p.completedOn)}）の後に解約されました`,
	cancelled: () => '保証契約は解約されています',
	'expired-after-completion': (p) =>
		`保証期間満了（工事完了 ${day(p.completedOn)} まで保証されていました）`,
	'expired-year-covered': (p) =>
		`保証期間満了（${year(p.fiscalYear)}分を年度末まで保証していました）`,
	expired: (p) =>
		`保証期間満了: 保証期限 ${day(p.guaranteeEndOn)} を過ぎています${p.completed ? '' : '。工事が完了していれば、案件に完了を記録してください'}`,
	unsigned: () => '有効ですが、署名が必要な発行者の証書に署名がありません',
	valid: (p) => (p.signed ? '有効（発行者の電子署名を確認済み）' : '有効'),
	'one-contract': () => 'この保証はほかの案件に添付されていません',
	'other-contracts': (p) =>
		`同じ保証がほかの案件（${p.contractNumbers.join('、')}）にも添付されています`,
	missing: (p) => `未提出: ${p.kinds.map((k) => names.kinds[k]).join('、')}`,
	'all-submitted': (p) =>
		`必要な保証はすべて提出されています: ${p.given
			.map((g) => `${names.kinds[g.kind]}（${g.how.map((h) => provisions[h]).join('・')}）`)
			.join('、')}`
};
