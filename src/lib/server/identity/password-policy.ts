/**
 * What a chosen password must be, as NIST SP 800-63B §5.1.1.2 asks of memorized secrets: at
 * least 8 characters (at most 128 here, to bound argon2's work), any characters, no composition
 * rules, and not a value known to be commonly used or compromised: a list of breached passwords,
 * repetitive or sequential characters, and context-specific words (the user ID, the service).
 *
 * The list is zxcvbn-ts's common-password dictionary (@zxcvbn-ts/language-common, MIT: about
 * 49,000 passwords most frequent in public breach corpora), bundled with the portal and checked
 * offline: nothing is fetched at run time, and no password leaves the server.
 */
export const MIN_LENGTH = 8;
export const MAX_LENGTH = 128;

export type PolicyProblem = 'tooShort' | 'tooLong' | 'common' | 'repetitive' | 'context';

let common: Promise<Set<string>> | undefined;
/** Loaded on first use: the list is not needed to serve anything but a password change. */
function commonPasswords(): Promise<Set<string>> {
	common ??= import('@zxcvbn-ts/language-common').then(
		({ dictionary }) => new Set(dictionary['passwords-common'])
	);
	return common;
}

/** "aaaaaaaa", eight spaces, "12345678", "abcdefgh", "87654321": one step repeated throughout. */
function isRepetitive(symbols: string[]): boolean {
	const codes = symbols.map((s) => s.codePointAt(0)!);
	const step = codes[1] - codes[0];
	return Math.abs(step) <= 1 && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}

export interface PolicyContext {
	username?: string;
	organizationCode?: string;
}

/** The reason `password` may not be chosen, or null when it may. */
export async function policyError(
	password: string,
	context: PolicyContext = {}
): Promise<PolicyProblem | null> {
	const symbols = [...password];
	if (symbols.length < MIN_LENGTH) return 'tooShort';
	if (symbols.length > MAX_LENGTH) return 'tooLong';
	// Compared as it is hashed (NFKC), case and surrounding spaces aside, as the list is kept.
	const folded = password.normalize('NFKC').trim().toLowerCase();
	if (isRepetitive([...password.normalize('NFKC').toLowerCase()])) return 'repetitive';
	if ((await commonPasswords()).has(folded)) return 'common';
	const words = ['kensho', '検証', context.username, context.organizationCode];
	const bare = folded.replace(/[\s\-_.!?@#0-9]/g, '');
	if (words.some((w) => w && w.length >= 3 && (bare === w.toLowerCase() || folded === w))) {
		return 'context';
	}
	return null;
}
