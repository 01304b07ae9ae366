/**
 * The words both sides share about a guarantee, defined once for the issuer API, the database
 * enum, the contract checks and the screens (server and browser alike: nothing here touches the
 * server).
 */

/**
 * 契約保証 (公共工事標準請負契約約款 第4条), 前払金保証 and 中間前払金保証 (公共工事の前払金保証事業に
 * 関する法律 第2条; 地方自治法施行令 附則第7条).
 */
export const KINDS = ['contract', 'advance_payment', 'intermediate_advance_payment'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * 照合の目的: the stage of the contract a guarantee is checked for (one per kind), or other.
 * A contract file attaches a guarantee at a stage, so only the kinds there.
 */
export const PURPOSES = [...KINDS, 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];

const isOneOf =
	<T extends string>(values: readonly T[]) =>
	(value: unknown): value is T =>
		typeof value === 'string' && (values as readonly string[]).includes(value);
export const isKind = isOneOf(KINDS);
export const isPurpose = isOneOf(PURPOSES);

/** 保証契約番号 as stored (shared/API.md): 3–32 of 0-9, A-Z and hyphens, not starting with one. */
export const GUARANTEE_NUMBER = '[0-9A-Z][0-9A-Z-]{2,31}';
export const GUARANTEE_NUMBER_PATTERN = new RegExp(`^${GUARANTEE_NUMBER}$`);

/** As the issuer API stores a number (shared/API.md): NFKC, upper case, trimmed. */
export const normalizeGuaranteeNumber = (input: string) =>
	input.normalize('NFKC').toUpperCase().trim();
