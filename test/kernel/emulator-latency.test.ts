// The emulators' answer latency (test/emulators/kit.ts), as the benchmarks set it: the delays drawn, not timed.
import { describeLatency, Emulator, parseLatency } from '../emulators/kit';

const draws = (emulator: Emulator, count: number) =>
	Array.from({ length: count }, () => emulator.drawAnswerDelayMs());

describe('emulator latency with jitter', () => {
	test('none by default: every admitted request is answered at once', () => {
		expect(draws(new Emulator(), 5)).toEqual([0, 0, 0, 0, 0]);
	});

	test('latencyMs (no jitter) keeps its meaning', () => {
		expect(draws(new Emulator({ latencyMs: 30 }), 3)).toEqual([30, 30, 30]);
	});

	test('150 ms ± 50 ms: uniform between 100 and 200, centred on 150', () => {
		const delays = draws(new Emulator({ latency: { meanMs: 150, jitterMs: 50 } }), 2000);
		expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
		expect(Math.max(...delays)).toBeLessThanOrEqual(200);
		// a uniform spread: some in each fifth of the range
		for (let fifth = 0; fifth < 5; fifth++)
			expect(delays.some((d) => d >= 100 + fifth * 20 && d < 120 + fifth * 20)).toBe(true);
		const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
		expect(Math.abs(mean - 150)).toBeLessThan(5);
	});

	test('seeded: the same seed draws the same delays, another seed others', () => {
		const latency = { meanMs: 150, jitterMs: 50 };
		const first = draws(new Emulator({ latency }), 20);
		expect(draws(new Emulator({ latency }), 20)).toEqual(first);
		expect(draws(new Emulator({ latency: { ...latency, seed: 7 } }), 20)).not.toEqual(first);
	});

	test('setLatency changes it after construction, and undefined removes it', () => {
		const emulator = new Emulator().setLatency({ meanMs: 10, jitterMs: 10 });
		expect(draws(emulator, 50).every((d) => d >= 0 && d <= 20)).toBe(true);
		expect(draws(emulator.setLatency(undefined), 2)).toEqual([0, 0]);
		expect(emulator.answerLatency).toBeUndefined();
	});

	test('never below zero when the jitter exceeds the mean', () => {
		const delays = draws(new Emulator({ latency: { meanMs: 10, jitterMs: 50 } }), 200);
		expect(delays.every((d) => d >= 0)).toBe(true);
		expect(delays.some((d) => d === 0)).toBe(true);
	});
});

describe('parseLatency: EMULATOR_LATENCY_MS and BENCH_LATENCY_MS', () => {
	test.each([
		['150', { meanMs: 150, jitterMs: 0 }],
		['150:50', { meanMs: 150, jitterMs: 50 }],
		['150±50', { meanMs: 150, jitterMs: 50 }],
		[' 200 , 20 ', { meanMs: 200, jitterMs: 20 }],
	])('%s', (text, expected) => {
		expect(parseLatency(text)).toEqual(expected);
	});

	test.each([[undefined], [''], ['0'], ['0:0']])('%s: no latency', (text) => {
		expect(parseLatency(text)).toBeUndefined();
	});

	test('anything else is refused with the expected form', () => {
		expect(() => parseLatency('fast')).toThrow('"<mean ms>" or "<mean ms>:<jitter ms>"');
	});

	test('described for reports', () => {
		expect(describeLatency({ meanMs: 150, jitterMs: 50 })).toBe('150 ms ± 50 ms (uniform, seeded)');
		expect(describeLatency(undefined)).toBe('none (answers at once)');
	});
});
