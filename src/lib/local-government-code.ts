/**
 * 全国地方公共団体コード: five digits and a check digit. The check digit is the last digit of
 * 11 − (Σ digit × weight mod 11), weights 6, 5, 4, 3, 2 (総務省 「全国地方公共団体コード」).
 */
export function checkDigit(firstFive: string): number {
	const weights = [6, 5, 4, 3, 2];
	const sum = [...firstFive].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
	return (11 - (sum % 11)) % 10;
}

export function isLocalGovernmentCode(code: string): boolean {
	return /^\d{6}$/.test(code) && checkDigit(code.slice(0, 5)) === Number(code[5]);
}
