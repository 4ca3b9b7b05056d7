export async function runBrowserChecks(_o: any): Promise<void> {}
