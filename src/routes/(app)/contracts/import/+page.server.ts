import { fail } from '@sveltejs/kit';
import * as contractImport from '$lib/server/contracts/import/import';
import { requireWriter } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

const { MAX_BYTES, MAX_ROWS, SHOWN_REJECTED } = contractImport;
/** Room for the multipart framing around a file of the largest size taken. */
const FRAMING = 64 * 1024;
const tooLarge = { tooLarge: true as const };

export const load: PageServerLoad = () => ({
	maxMegabytes: MAX_BYTES / 1024 / 1024,
	maxRows: MAX_ROWS
});

export const actions: Actions = {
	default: async ({ request }) => {
		const caller = requireWriter();
		// Far over the limit: refused before the body is read into memory.
		if (Number(request.headers.get('content-length')) > MAX_BYTES + FRAMING)
			return fail(413, tooLarge);
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { noFile: true });
		if (file.size > MAX_BYTES) return fail(413, tooLarge);
		try {
			const imported = await contractImport.importCsv(caller, file.stream(), caller.user.id);
			// The first lines refused are shown; all of them are a download (rejected.csv).
			const { id, rejected } = imported;
			const shown = rejected.slice(0, SHOWN_REJECTED);
			return {
				result: { id, imported: imported.imported, rejectedCount: rejected.length, rejected: shown }
			};
		} catch (error) {
			if (!(error instanceof contractImport.ImportRefusedError)) throw error;
			return fail(error.tooLarge ? 413 : 400, { refused: error.message });
		}
	}
};
