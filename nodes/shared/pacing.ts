/**
 * Token buckets that pace requests to a vendor's documented limits, one per credential
 * and rate-limit group, shared by every execution in the process (as the vendor counts).
 *
 * The vendor counts every client of an account together, but a bucket lives in one process's memory. Where the
 * vendor reports what is left (remaining, reset), every process's bucket follows that. Where it reports only its
 * limit, or nothing, the user says how many n8n processes (queue-mode workers, other instances) send with the same
 * account at once (Request Settings > Processes Sharing the Account), and each process paces to its share.
 */
export interface BucketSpec {
	/** Requests that may be sent at once (burst). */
	capacity: number;
	/** Requests per second restored to the bucket. */
	refillPerSecond: number;
}

/** What a vendor's response headers say about its limiter. */
export interface RateLimitObservation {
	/** Bucket size as the vendor reports it. */
	limit?: number;
	/** Requests the vendor will still accept right now. */
	remaining?: number;
	/** Sustained rate the vendor reports, requests per second. */
	ratePerSecond?: number;
	/** When nothing remains: ms until the vendor accepts requests again. */
	resetInMs?: number;
}

/** Pace a little under the documented or reported rate: requests sent on time can still arrive bunched. */
const RATE_SAFETY_MARGIN = 0.95;

export class TokenBucket {
	/** The account's whole limit, before it is divided among the processes that share it. */
	private accountSpec: BucketSpec;
	private sharedBy = 1;
	private tokens: number;
	private updatedAt: number;
	private pausedUntil = 0;
	/** When a request was reserved from a full bucket and its answer has not come yet (see answered()). */
	private refillStartPendingSince?: number;

	constructor(
		private spec: BucketSpec,
		private readonly now: () => number = Date.now,
	) {
		this.accountSpec = spec;
		this.tokens = spec.capacity;
		this.updatedAt = now();
	}

	/**
	 * How many processes send with this account at once: this process paces to its share of the account's limit
	 * (burst and rate divided; a burst never below one request).
	 */
	shareWith(processes: number): void {
		const n = Number.isFinite(processes) && processes >= 1 ? Math.floor(processes) : 1;
		if (n === this.sharedBy) return;
		this.refill();
		this.sharedBy = n;
		this.applyShare();
		this.tokens = Math.min(this.tokens, this.spec.capacity);
	}

	private applyShare(): void {
		this.spec = {
			capacity: Math.max(1, this.accountSpec.capacity / this.sharedBy),
			refillPerSecond: this.accountSpec.refillPerSecond / this.sharedBy,
		};
	}

	get capacity(): number {
		return this.spec.capacity;
	}

	get refillPerSecond(): number {
		return this.spec.refillPerSecond;
	}

	private refill(): void {
		const now = this.now();
		const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
		this.tokens = Math.min(
			this.spec.capacity,
			this.tokens + elapsedSeconds * this.spec.refillPerSecond,
		);
		this.updatedAt = now;
	}

	/** Reserves one request and returns how many ms the caller must wait before sending it. */
	reserve(): number {
		this.refill();
		if (this.tokens >= this.spec.capacity && this.refillStartPendingSince === undefined)
			this.refillStartPendingSince = this.now();
		const pauseMs = Math.max(0, this.pausedUntil - this.now());
		this.tokens -= 1;
		const tokenWaitMs =
			this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.spec.refillPerSecond) * 1000);
		return Math.max(pauseMs, tokenWaitMs);
	}

	/**
	 * Called when a request's answer (or failure) arrives. The vendor's bucket starts refilling only when the first
	 * request of a burst reaches it, which can be long after it was reserved here (n8n first fetches an access token):
	 * the refill counted in between is taken back, so the request after the burst is not early.
	 */
	answered(): void {
		if (this.refillStartPendingSince === undefined) return;
		this.refill();
		const earlySeconds = Math.max(0, this.now() - this.refillStartPendingSince) / 1000;
		this.tokens -= earlySeconds * this.spec.refillPerSecond;
		this.refillStartPendingSince = undefined;
	}

	/** Gives back a reservation that was never used (the request was not sent). */
	release(): void {
		this.tokens = Math.min(this.spec.capacity, this.tokens + 1);
	}

	/** Corrects the bucket from what the vendor reported; only ever makes pacing stricter or adopts the vendor's own figures. */
	observe(observation: RateLimitObservation): void {
		this.refill();
		// the vendor reports the account's limit: this process keeps its share of it
		if (
			observation.limit !== undefined &&
			observation.limit > 0 &&
			observation.limit !== this.accountSpec.capacity
		) {
			// a larger plan than documented (Nuvemshop x10): this process's share of the extra room was never used
			const capacityBefore = this.spec.capacity;
			this.accountSpec = { ...this.accountSpec, capacity: observation.limit };
			this.applyShare();
			if (this.spec.capacity > capacityBefore) this.tokens += this.spec.capacity - capacityBefore;
		}
		if (observation.ratePerSecond !== undefined && observation.ratePerSecond > 0) {
			this.accountSpec = {
				...this.accountSpec,
				refillPerSecond: observation.ratePerSecond * RATE_SAFETY_MARGIN,
			};
			this.applyShare();
		}
		// what is left is left for every process of the account: this one takes its share, or all of them would spend it
		const remainingShare =
			observation.remaining !== undefined && observation.remaining >= 0
				? observation.remaining / this.sharedBy
				: undefined;
		if (remainingShare !== undefined && remainingShare < this.tokens) this.tokens = remainingShare;
		if (
			observation.remaining !== undefined &&
			observation.remaining <= 0 &&
			observation.resetInMs !== undefined &&
			observation.resetInMs > 0
		) {
			this.pausedUntil = Math.max(this.pausedUntil, this.now() + observation.resetInMs);
		}
	}

	/** After a refusal: nothing is left until the vendor says otherwise. */
	drain(): void {
		this.refill();
		this.tokens = Math.min(this.tokens, 0);
	}
}

const buckets = new Map<string, TokenBucket>();

/** Per quota owner (credential id, or node id without one): how many n8n processes share its vendor account. */
const processesSharing = new Map<string, number>();

/** Records the node's "Processes Sharing the Account" for the quota owners it sends as (see settings.ts). */
export function setProcessesSharing(owners: string[], processes: number): void {
	for (const owner of owners) processesSharing.set(owner, processes);
}

/**
 * The bucket for one credential and one rate-limit group, created on first use. Keys are
 * `<provider>:<quota owner>:<group>` (transport.ts); the owner's share setting applies on every use.
 */
export function bucketFor(key: string, spec: BucketSpec): TokenBucket {
	let bucket = buckets.get(key);
	if (!bucket) {
		bucket = new TokenBucket({
			...spec,
			refillPerSecond: spec.refillPerSecond * RATE_SAFETY_MARGIN,
		});
		buckets.set(key, bucket);
	}
	const owner = key.split(':')[1];
	bucket.shareWith(processesSharing.get(owner) ?? 1);
	return bucket;
}
