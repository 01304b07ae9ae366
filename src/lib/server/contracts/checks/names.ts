/**
 * 工事名 and 受注者 as a clerk compares them: the same name typed differently is the same name.
 * NFKC first (full-width letters and digits, ㈱ → (株), （）→ ()), then no spaces at all, one kind
 * of hyphen, and a company's legal form in whichever spelling: 株式会社 / (株) / ㈱, 有限会社 /
 * (有) / ㈲, 合同会社 / (同), 合資会社 / (資), 合名会社 / (名) — before or after the name.
 */
const FORMS: [RegExp, string][] = [
	[/株式会社|\(株\)/g, '株式会社'],
	[/有限会社|\(有\)/g, '有限会社'],
	[/合同会社|\(同\)/g, '合同会社'],
	[/合資会社|\(資\)/g, '合資会社'],
	[/合名会社|\(名\)/g, '合名会社']
];
const DASHES = /[‐‑‒–—―−－﹣]/g;

/** NFKC, without spaces, one hyphen. */
export const normalizeName = (name: string) =>
	name.normalize('NFKC').replace(/\s+/g, '').replace(DASHES, '-');

/** A company name as `forms|base`: the legal forms it names (sorted), and the rest. */
function companyKey(name: string): string {
	let base = normalizeName(name);
	const forms: string[] = [];
	for (const [pattern, form] of FORMS) {
		base = base.replace(pattern, () => (forms.push(form), ''));
	}
	return `${forms.sort().join(',')}|${base}`;
}

export const sameWorksName = (a: string, b: string) => normalizeName(a) === normalizeName(b);
export const sameCompany = (a: string, b: string) => companyKey(a) === companyKey(b);

export type NameField = 'worksName' | 'contractorName';
export interface Names {
	worksName: string;
	contractorName: string;
}

/** Which of 工事名 and 受注者 really differ between the certificate and the file. */
export function nameDifferences(certificate: Names, file: Names): NameField[] {
	return [
		sameWorksName(certificate.worksName, file.worksName) ? null : ('worksName' as const),
		sameCompany(certificate.contractorName, file.contractorName)
			? null
			: ('contractorName' as const)
	].filter((field) => field !== null);
}
