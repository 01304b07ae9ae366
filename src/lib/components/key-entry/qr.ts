import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';

/**
 * The QR decoder, loaded only when the clerk opens the scanner or drops a file. Its WebAssembly
 * comes from this app (never zxing-wasm's default CDN): municipal networks may have no outside
 * host at all, and a CDN would learn who verifies what.
 */
prepareZXingModule({
	overrides: {
		locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path)
	}
});

let detector: BarcodeDetector | undefined;

/** The texts of every QR code found in the picture. */
export async function readQr(source: ImageBitmapSource): Promise<string[]> {
	detector ??= new BarcodeDetector({ formats: ['qr_code'] });
	const codes = await detector.detect(source);
	return codes.map((code) => code.rawValue);
}
