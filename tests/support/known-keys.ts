import { checkSymbol } from '../../src/lib/auth-key';

/**
 * A guarantee whose key is known before the server starts: the fake camera's video is written
 * when the browser launches, before the test can read what the seed made.
 */
const payload = 'CAMERA0TEST0KEY0SCA';
export const CAMERA_GUARANTEE = {
	guaranteeNumber: 'E12-2026-000205',
	canonicalKey: payload + checkSymbol(payload)
};
