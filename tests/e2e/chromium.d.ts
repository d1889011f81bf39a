// The service worker's `chrome` global, reached through worker.evaluate in tests.
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    get(tabId: number): Promise<{ id?: number; url?: string; windowId: number }>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  windows: { create(options: { url: string; type: 'popup' | 'normal' }): Promise<{ id?: number }> };
  runtime: { getManifest(): { version: string; [key: string]: unknown }; getURL(path: string): string; sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(k?: unknown): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
};
