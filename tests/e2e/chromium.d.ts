// The service worker's `chrome` global, reached through worker.evaluate in tests.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  runtime: { getManifest(): { version: string; [key: string]: unknown }; sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(k?: unknown): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
};
