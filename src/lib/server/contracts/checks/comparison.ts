import type { CertificateVersion } from '../../db/schema';
import type { ContractTerms } from './base';
import { sameCompany, sameWorksName } from './names';

/**
 * The file's values beside the certificate's, field by field, each difference marked: what the
 * clerk compares by eye, on the file page and on the printed record. Names are compared as the
 * checks compare them (names.ts); a field the issuer did not send is shown as not given, not as
 * a difference.
 */
export type ComparedField =
	| 'worksName'
	| 'contractorName'
	| 'contractAmount'
	| 'startOn'
	| 'endOn'
	| 'category'
	| 'contractedOn'
	| 'fiscalYear'
	| 'fiscalYearAmount';
export interface Compared {
	field: ComparedField;
	file: string | number | null;
	certificate: string | number | null;
	same: boolean;
}

type Optional = 'contractedOn' | 'fiscalYear' | 'fiscalYearAmount';

export function compare(
	c: ContractTerms & { contractedOn: string | null },
	v: CertificateVersion
): Compared[] {
	const rows: Compared[] = [
		{
			field: 'worksName',
			file: c.worksName,
			certificate: v.worksName,
			same: sameWorksName(c.worksName, v.worksName)
		},
		{
			field: 'contractorName',
			file: c.contractorName,
			certificate: v.contractorName,
			same: sameCompany(c.contractorName, v.contractorName)
		},
		exact('contractAmount', c.contractAmount, v.contractAmount),
		exact('startOn', c.startOn, v.worksStartOn),
		exact('endOn', c.endOn, v.worksEndOn),
		given('category', c.category, v.worksCategory)
	];
	const optional: [Optional, string | number | null, string | number | null][] = [
		['contractedOn', c.contractedOn, v.contractedOn],
		['fiscalYear', c.fiscalYear, v.fiscalYear],
		['fiscalYearAmount', c.fiscalYearAmount, v.fiscalYearAmount]
	];
	for (const [field, file, certificate] of optional) {
		if (file !== null || certificate !== null) rows.push(given(field, file, certificate));
	}
	return rows;
}

const exact = (field: ComparedField, file: string | number, certificate: string | number) => ({
	field,
	file,
	certificate,
	same: file === certificate
});

/** A difference only when both sides say something. */
const given = (
	field: ComparedField,
	file: string | number | null,
	certificate: string | number | null
) => ({
	field,
	file,
	certificate,
	same: file === null || certificate === null || file === certificate
});
