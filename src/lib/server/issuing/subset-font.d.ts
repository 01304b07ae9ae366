/** subset-font ships no types: HarfBuzz subsetting of a font to the given characters. */
declare module 'subset-font' {
	export default function subsetFont(
		font: Uint8Array,
		text: string,
		options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2' }
	): Promise<Buffer>;
}
