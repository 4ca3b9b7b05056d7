// Pure functions of the kernel: parsing and arithmetic that the engine tests rely on.
import {
	TokenBucket,
	backoffDelay,
	classifyNetworkError,
	mayRetry,
	nextOffset,
	parseLinkHeader,
	parseRetryAfter,
	redactText,
	secretValues,
} from '../../nodes/shared';

test('Retry-After: seconds, fractional seconds, HTTP date, garbage', () => {
	const now = Date.parse('2026-11-22T12:00:00Z');
	expect(parseRetryAfter('3', now)).toBe(3000);
	expect(parseRetryAfter('0.5', now)).toBe(500);
	expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
	expect(parseRetryAfter('Sun, 22 Nov 2026 11:00:00 GMT', now)).toBe(0);
	expect(parseRetryAfter('soon', now)).toBeUndefined();
	expect(parseRetryAfter(undefined, now)).toBeUndefined();
});

test('backoff grows exponentially with jitter and is capped', () => {
	expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(50);
	expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
	expect(backoffDelay(4, 100, 10_000, () => 1)).toBe(800);
	expect(backoffDelay(20, 100, 10_000, () => 1)).toBe(10_000);
});

test('what may be retried', () => {
	expect(mayRetry('throttled', false)).toBe(true);
	expect(mayRetry('neverLeft', false)).toBe(true);
	expect(mayRetry('server', false)).toBe(false);
	expect(mayRetry('maybeDelivered', false)).toBe(false);
	expect(mayRetry('server', true)).toBe(true);
	expect(mayRetry('final', true)).toBe(false);
	// a request n8n aborted because the user stopped the execution is never sent again
	expect(classifyNetworkError('ERR_CANCELED')).toBe('cancelled');
	expect(mayRetry('cancelled', true)).toBe(false);
	expect(classifyNetworkError('ECONNREFUSED')).toBe('neverLeft');
	expect(classifyNetworkError('ECONNRESET')).toBe('maybeDelivered');
});

test('offset paging ends on an empty page even when the vendor says there is more', () => {
	expect(nextOffset(200, 200, 0, true)).toBeUndefined();
	expect(nextOffset(0, 200, 200, true, 200)).toBe(200);
	expect(nextOffset(0, 200, 150, undefined)).toBeUndefined();
});

test('Link header', () => {
	const links = parseLinkHeader(
		'<https://api.tiendanube.com/v1/1/customers?page=2&per_page=200>; rel="next", <https://api.tiendanube.com/v1/1/customers?page=9&per_page=200>; rel="last"',
	);
	expect(links.next).toBe('https://api.tiendanube.com/v1/1/customers?page=2&per_page=200');
	expect(links.last).toMatch(/page=9/);
	expect(parseLinkHeader(undefined)).toEqual({});
});

test('token bucket: burst, then the refill rate, then a vendor-ordered pause', () => {
	let now = 0;
	const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 4 }, () => now);
	expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 250]);
	now = 1000;
	expect(bucket.reserve()).toBe(0);
	bucket.observe({ remaining: 0, resetInMs: 700 });
	expect(bucket.reserve()).toBe(700);
});

test("the bucket's refill starts when the first request of a burst is answered, as the vendor's does", () => {
	let now = 0;
	const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 1 }, () => now);
	expect(bucket.reserve()).toBe(0);
	expect(bucket.reserve()).toBe(0);
	// the first request reached the vendor only 500 ms later (an access token was fetched first)
	now = 500;
	bucket.answered();
	bucket.answered();
	// counted from the reservation the third could go at 1 000 ms; the vendor refills from 500 ms, so 1 500 ms
	expect(bucket.reserve()).toBe(1000);
});

test("a plan larger than documented gives its extra room at once; the vendor's remaining still caps it", () => {
	const now = 0;
	const bucket = new TokenBucket({ capacity: 40, refillPerSecond: 2 }, () => now);
	for (let i = 0; i < 10; i++) expect(bucket.reserve()).toBe(0);
	// the first answer says the bucket holds 400 (Nuvemshop x10), of which 395 are free
	bucket.observe({ limit: 400, remaining: 395, ratePerSecond: 20 });
	const waits = Array.from({ length: 391 }, () => bucket.reserve());
	expect(waits.slice(0, 390).every((wait) => wait === 0)).toBe(true);
	expect(waits[390]).toBeGreaterThan(0);
	// a vendor that reports less room than the plan's size is believed
	const shared = new TokenBucket({ capacity: 40, refillPerSecond: 2 }, () => now);
	shared.reserve();
	shared.observe({ limit: 400, remaining: 5 });
	expect(Array.from({ length: 6 }, () => shared.reserve()).filter((wait) => wait > 0)).toHaveLength(
		1,
	);
});

test("a bucket shared by n processes keeps 1/n of the account's burst and rate, also of a rate the vendor reports", () => {
	let now = 0;
	const bucket = new TokenBucket({ capacity: 4, refillPerSecond: 2 }, () => now);
	bucket.shareWith(2);
	// burst 2, then one request per second
	expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 1000]);
	// x-amzn-RateLimit-Limit-style: the vendor reports the whole account's rate (10/s, paced at 95%)
	now = 10_000;
	bucket.observe({ ratePerSecond: 10 });
	expect(bucket.refillPerSecond).toBeCloseTo(4.75);
	expect(bucket.capacity).toBe(2);
	// back to one process: the whole limit again
	bucket.shareWith(1);
	expect(bucket.refillPerSecond).toBeCloseTo(9.5);
	expect(bucket.capacity).toBe(4);
	// a burst never shrinks below one request
	bucket.shareWith(10);
	expect(bucket.capacity).toBe(1);
});

test('processes sharing an account each take their share of what the vendor reports is left', () => {
	const now = 0;
	// two workers, each with the half of a 40-request bucket; the vendor says 6 are left for the whole account
	const [first, second] = [0, 1].map(() => {
		const bucket = new TokenBucket({ capacity: 40, refillPerSecond: 2 }, () => now);
		bucket.shareWith(2);
		bucket.observe({ limit: 40, remaining: 6 });
		return bucket;
	});
	const sentAtOnce = (bucket: TokenBucket) =>
		Array.from({ length: 10 }, () => bucket.reserve()).filter((wait) => wait === 0).length;
	// together they send the 6 at once, not 6 each
	expect(sentAtOnce(first) + sentAtOnce(second)).toBe(6);
	// alone on the account, a process takes all that is left
	const alone = new TokenBucket({ capacity: 40, refillPerSecond: 2 }, () => now);
	alone.observe({ limit: 40, remaining: 6 });
	expect(sentAtOnce(alone)).toBe(6);
});

test('redaction masks secrets, their URL encoding and token shapes, but keeps public fields', () => {
	const secrets = secretValues({
		apiKey: 'k/ey+12345',
		region: 'europe',
		oauthTokenData: { access_token: 'tok-abcdef' },
	});
	expect(secrets).toEqual(expect.arrayContaining(['k/ey+12345', 'tok-abcdef']));
	expect(secrets).not.toContain('europe');
	expect(redactText('key k/ey+12345 enc k%2Fey%2B12345 tok-abcdef region europe', secrets)).toBe(
		'key **hidden** enc **hidden** **hidden** region europe',
	);
	expect(redactText('Authorization: Bearer abcdefghijkl', [])).toBe(
		'Authorization: Bearer **hidden**',
	);
	expect(redactText('x-amz-access-token Atza|IwEBIExample', [])).toBe(
		'x-amz-access-token **hidden**',
	);
	expect(redactText('/?Action=X&Signature=abc%2Bdef&Version=1', [])).toBe(
		'/?Action=X&Signature=**hidden**&Version=1',
	);
	// the OAuth2 token's type and the partner site are words, not secrets; a token beside them is still masked
	const oauth = secretValues({
		partnerSite: 'www.tiendanube.com',
		oauthTokenData: { token_type: 'bearer', access_token: 'stored-token-1' },
	});
	expect(oauth).toEqual(['stored-token-1']);
	expect(redactText('Authorization: bearer unstored-token-2 via www.tiendanube.com', oauth)).toBe(
		'Authorization: bearer **hidden** via www.tiendanube.com',
	);
});
