// Real webhook deliveries from an emulator: a POST of the vendor's signed body to each registered URL, retried on
// a non-2xx answer or a broken connection as the vendor does, recorded so tests can count what reached n8n.

export interface DeliveryAttempt {
	/** HTTP status, or 0 when the connection failed or timed out. */
	status: number;
	at: number;
}

export interface Delivery {
	url: string;
	headers: Record<string, string>;
	body: string;
	attempts: DeliveryAttempt[];
	/** A 2xx answer arrived. */
	delivered: boolean;
}

export interface WebhookSenderOptions {
	/** Real ms to wait before each retry after the first attempt; its length is the number of retries. */
	retryDelaysMs?: number[];
	/** Real ms the vendor waits for an answer before it counts the attempt as failed. */
	timeoutMs?: number;
}

export class WebhookSender {
	readonly deliveries: Delivery[] = [];
	private readonly pending = new Set<Promise<void>>();

	constructor(private readonly options: WebhookSenderOptions = {}) {}

	/** Starts delivering `body` to `url` in the background (the vendor's API answers first) and returns its record. */
	send(url: string, body: string, headers: Record<string, string>): Delivery {
		const delivery: Delivery = { url, headers, body, attempts: [], delivered: false };
		this.deliveries.push(delivery);
		const running = this.deliver(delivery).finally(() => this.pending.delete(running));
		this.pending.add(running);
		return delivery;
	}

	/** Waits until every delivery started so far succeeded or ran out of retries. */
	async settled(): Promise<void> {
		while (this.pending.size) await Promise.all([...this.pending]);
	}

	reset(): void {
		this.deliveries.length = 0;
	}

	private async deliver(delivery: Delivery): Promise<void> {
		const delays = [0, ...(this.options.retryDelaysMs ?? [])];
		for (const delay of delays) {
			if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
			const status = await this.attempt(delivery);
			delivery.attempts.push({ status, at: Date.now() });
			if (status >= 200 && status < 300) {
				delivery.delivered = true;
				return;
			}
		}
	}

	private async attempt(delivery: Delivery): Promise<number> {
		try {
			const response = await fetch(delivery.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...delivery.headers },
				body: delivery.body,
				signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
			});
			await response.arrayBuffer();
			return response.status;
		} catch {
			return 0;
		}
	}
}

/**
 * Why a vendor that requires public HTTPS would refuse this URL, or undefined when it takes it. An emulator started
 * for tests may take http on loopback (`allowLoopbackHttp`), which the real vendor never does.
 */
export function webhookUrlProblem(
	url: string,
	options: { allowLoopbackHttp?: boolean } = {},
): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'invalid url specified';
	}
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
	if (loopback && options.allowLoopbackHttp && parsed.protocol === 'http:') return undefined;
	if (parsed.protocol !== 'https:') return 'url must use https';
	if (loopback) return 'url must be public, not localhost';
	return undefined;
}
