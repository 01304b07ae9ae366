import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

/**
 * Reads a CSV as Excel writes it, as a stream of records: UTF-8 (with or without BOM) or
 * Shift_JIS, never more than `maxBytes`. Nothing holds the whole file as one string or one array:
 * the import of a large register stalled the server for 2.5 s before issue 12.
 */
export class TooLargeError extends Error {
	constructor(readonly maxBytes: number) {
		super(`more than ${maxBytes} bytes`);
	}
}
/** Bytes that are not what the start of the file said (UTF-8 first, then not). */
export class EncodingError extends Error {}

/** A file as it arrives: a stream (a form's file, the CLI's), or bytes already in memory. */
export type Input = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** The encoding is decided on the first 64 KiB; a header row of Japanese settles it early. */
const SNIFF_BYTES = 64 * 1024;

function* slices(bytes: Uint8Array) {
	for (let at = 0; at < bytes.byteLength; at += SNIFF_BYTES)
		yield bytes.subarray(at, at + SNIFF_BYTES);
}

async function* capped(input: Input, maxBytes: number): AsyncGenerator<Uint8Array> {
	const chunks =
		input instanceof Uint8Array
			? slices(input)
			: Symbol.asyncIterator in input
				? input
				: Readable.fromWeb(input as never);
	let total = 0;
	for await (const chunk of chunks as Iterable<Uint8Array> | AsyncIterable<Uint8Array>) {
		total += chunk.byteLength;
		if (total > maxBytes) throw new TooLargeError(maxBytes);
		yield chunk;
	}
}

function isUtf8(prefix: Uint8Array, complete: boolean): boolean {
	try {
		// While more follows, a sequence cut at the end of the prefix is not an error.
		new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: !complete });
		return true;
	} catch {
		return false;
	}
}

/** UTF-8 when the start of the file is UTF-8, otherwise Shift_JIS (what Excel saves as "CSV"). */
async function* decoded(bytes: AsyncIterator<Uint8Array>): AsyncGenerator<string> {
	const head: Uint8Array[] = [];
	let size = 0;
	let complete = false;
	while (size < SNIFF_BYTES && !complete) {
		const next = await bytes.next();
		if (next.done) {
			complete = true;
		} else {
			head.push(next.value);
			size += next.value.byteLength;
		}
	}
	const prefix = Buffer.concat(head);
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	const sjis = iconv.getDecoder('Shift_JIS');
	const decode = isUtf8(prefix, complete)
		? (chunk?: Uint8Array) => {
				try {
					return chunk ? utf8.decode(chunk, { stream: true }) : utf8.decode();
				} catch {
					throw new EncodingError('UTF-8 at the start, not UTF-8 further on');
				}
			}
		: (chunk?: Uint8Array) => (chunk ? sjis.write(Buffer.from(chunk)) : (sjis.end() ?? ''));
	yield decode(prefix);
	for (let next = await bytes.next(); !next.done; next = await bytes.next())
		yield decode(next.value);
	yield decode();
}

/**
 * The records of the CSV in order, each an array of trimmed cells. Empty rows are kept, so that
 * a record's index + 1 is its row as Excel numbers it (a cell with a line break stays one row).
 * Throws TooLargeError, EncodingError, or csv-parse's CsvError for a malformed file.
 */
export function records(input: Input, maxBytes: number): AsyncIterable<string[]> {
	const parser = parse({ relax_column_count: true, trim: true, bom: true });
	const text = Readable.from(decoded(capped(input, maxBytes)[Symbol.asyncIterator]()));
	// A failure anywhere (too large, encoding, a malformed CSV) destroys the parser with it, so
	// the reader's loop throws it; the reader stopping early destroys the source in turn.
	pipeline(text, parser).catch(() => {});
	return parser;
}
