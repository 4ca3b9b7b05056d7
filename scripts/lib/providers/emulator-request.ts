/** A plain HTTP request to an emulator (test setup only; never logged for the contract). */
export async function emulatorRequest(
	url: string,
	init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<Record<string, unknown>> {
	const res = await fetch(url, init);
	const text = await res.text();
	if (!res.ok)
		throw new Error(`${init.method} ${url} answered ${res.status}: ${text.slice(0, 200)}`);
	return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** The headers without `name` (any case), to send it changed. */
export function withoutHeader(
	headers: Record<string, string>,
	name: string,
): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).filter(([key]) => key.toLowerCase() !== name.toLowerCase()),
	);
}
