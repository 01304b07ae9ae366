import { fiscalYearLabel, formatDate } from '../../i18n/format';
import { ja as names } from '../../i18n/guarantee';
import type { CertificateVersion, Guarantee } from '../db/schema';

/**
 * What the notice (お知らせ) says about the guarantee, in the official words (DESIGN.md): the rows
 * of its table, dates in 和暦 with the Gregorian date, and who to call. Pure, so the words are
 * tested without drawing a PDF.
 */
const CATEGORY_LABEL = { construction: '工事', service: '業務委託' } as const;

const yen = (n: number) => `${n.toLocaleString('ja-JP')} 円`;
const day = (iso: string) => formatDate(iso, 'ja');
/** 当初 / 第n回変更 (not 版). */
export const versionLabel = (version: number) =>
	version === 1 ? '当初' : `第${version - 1}回変更`;

export interface NoticeFacts {
	guarantee: Pick<Guarantee, 'kind'>;
	latest: CertificateVersion;
	/** 当初発行日: the original certificate's date. */
	firstIssuedOn: string;
}

export function noticeRows({
	guarantee: g,
	latest: v,
	firstIssuedOn
}: NoticeFacts): [string, string][] {
	const advanceLabel = g.kind === 'intermediate_advance_payment' ? '中間前払金額' : '前払金額';
	const members = v.contractorMembers?.map((m) => m.name).join('、');
	return [
		['保証の種類', names.kinds[g.kind]],
		['工事名', v.worksName],
		['工事場所', v.worksLocation],
		...(v.worksCategory ? [['区分', CATEGORY_LABEL[v.worksCategory]] as [string, string]] : []),
		['保証契約者', `${v.contractorName}　${v.contractorRepresentative}`],
		...(members ? [['構成員（共同企業体）', members] as [string, string]] : []),
		['請負代金額', yen(v.contractAmount)],
		...(v.fiscalYear !== null && v.fiscalYearAmount !== null
			? [
					[
						'年度割額',
						`${fiscalYearLabel(v.fiscalYear)}（${v.fiscalYear}年度） ${yen(v.fiscalYearAmount)}`
					] as [string, string]
				]
			: []),
		['保証金額', yen(v.guaranteeAmount)],
		...(v.advancePaymentAmount !== null
			? [[advanceLabel, yen(v.advancePaymentAmount)] as [string, string]]
			: []),
		['保証期間', `${day(v.guaranteeStartOn)} から ${day(v.guaranteeEndOn)} まで`],
		['工期（自）', day(v.worksStartOn)],
		['工期（至）', day(v.worksEndOn)],
		...(v.contractedOn ? [['契約締結日', day(v.contractedOn)] as [string, string]] : []),
		['当初発行日', day(firstIssuedOn)],
		...(v.version > 1
			? [
					[
						'最終変更日',
						`${day(v.issuedOn)}（${versionLabel(v.version)}: ${v.amendmentReason ?? ''}）`
					] as [string, string]
				]
			: [])
	];
}

/** Who the clerk calls about this guarantee: the office when the issuer named it. */
export function contactLine(issuerName: string, v: CertificateVersion): string {
	if (!v.issuingOfficeName) return `お問合せ先: ${issuerName}`;
	const phone = v.issuingOfficePhone ? `　電話 ${v.issuingOfficePhone}` : '';
	return `お問合せ先: ${issuerName} ${v.issuingOfficeName}${phone}`;
}

/** Where the clerk of the orderer verifies the key (the address on a line of its own, to type). */
export const verifyLines = (portalUrl: string) => [
	'発注者の照合: 契約担当者は Kensho の照合ページで保証契約番号と認証キーを入力して照合します。',
	`照合ページ: ${portalUrl}`
];
