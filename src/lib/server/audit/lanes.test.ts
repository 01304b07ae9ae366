import { describe, expect, it } from 'vitest';
import { LANES, lanesOf } from './chain';
import { LanesHere } from './lanes';

const head = (chain: string, seq: number) => ({ chain, seq, hash: `${chain}#${seq}` });

describe('lanes this process writes', () => {
	it('gives back the lane written last, with the head written', async () => {
		const lanes = new LanesHere();
		expect(await lanes.take()).toBeUndefined();
		lanes.hold('org:a');
		lanes.release('org:a', head('org:a', 1));
		expect(await lanes.take()).toEqual(head('org:a', 1));
		expect(lanes.known).toEqual(['org:a']);
	});

	it('makes a writer wait for a released lane once every lane is written here', async () => {
		const lanes = new LanesHere();
		for (const lane of lanesOf('org:a')) {
			expect(await lanes.take()).toBeUndefined();
			lanes.hold(lane);
		}
		expect(lanes.known).toHaveLength(LANES);
		let handed: unknown = 'still waiting';
		const waiter = lanes.take().then((given) => (handed = given));
		await Promise.resolve();
		expect(handed).toBe('still waiting');
		lanes.release('org:a/3', head('org:a/3', 7));
		await waiter;
		expect(handed).toEqual(head('org:a/3', 7));
		// The lane went straight to the waiter: it is still being written, not idle.
		expect(lanes.known).toHaveLength(LANES);
	});

	it('forgets a lane whose head is not known, and lets a waiter lock one', async () => {
		const lanes = new LanesHere();
		for (const lane of lanesOf('org:a')) {
			await lanes.take();
			lanes.hold(lane);
		}
		const waiter = lanes.take();
		lanes.release('org:a/5');
		expect(await waiter).toBeUndefined();
		expect(lanes.known).not.toContain('org:a/5');
	});
});
