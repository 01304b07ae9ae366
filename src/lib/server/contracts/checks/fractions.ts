/**
 * Ratios of integer yen without floating point: `part ≤ num/den × whole` is decided as
 * `part × den ≤ whole × num`, exact for every amount up to 10^13 (× 10 stays below 2^53).
 */
export const atLeast = (part: number, whole: number, num: number, den: number) =>
	part * den >= whole * num;
export const atMost = (part: number, whole: number, num: number, den: number) =>
	part * den <= whole * num;
/** The least whole yen that is ≥ `num`/`den` of `whole` (what a guarantee must reach). */
export const ceilPart = (whole: number, num: number, den: number) =>
	Math.floor((whole * num + den - 1) / den);
/** The most whole yen that is ≤ `num`/`den` of `whole` (what an advance may reach). */
export const floorPart = (whole: number, num: number, den: number) =>
	Math.floor((whole * num) / den);
/** `amount` rounded down to a multiple of `unit` (前金払規則: 1万円未満切り捨て …). */
export const floorTo = (amount: number, unit: number) => amount - (amount % unit);
