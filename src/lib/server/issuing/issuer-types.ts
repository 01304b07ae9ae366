import { validationProblem } from '../http/problem';
import type { Guarantee, Issuer } from '../db/schema';

/**
 * Who may issue which guarantee. 前払金保証 and 中間前払金保証 come only from a 登録保証事業会社
 * (公共工事の前払金保証事業に関する法律 第2条・第5条; 地方自治法施行令 附則第7条 allows the
 * advance only against its guarantee). A 契約保証 may also come from a 損害保険会社 (履行保証保険,
 * 公共工事履行保証証券) or a bank (公共工事標準請負契約約款 第4条).
 */
export const ISSUER_TYPES = ['surety', 'insurer', 'bank'] as const;
export type IssuerType = Issuer['type'];

export function mayIssue(type: IssuerType, kind: Guarantee['kind']): boolean {
	return type === 'surety' || kind === 'contract';
}

/** 422 at ingest for an advance kind from an insurer or a bank. */
export const wrongIssuerType = (type: IssuerType) =>
	validationProblem(
		[
			{
				path: '/kind',
				message: `an issuer of type ${type} may register only contract guarantees (advance guarantees come from a registered surety company)`
			}
		],
		'Kind not allowed for this issuer'
	);
