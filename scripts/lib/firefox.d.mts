import type { Browser } from 'puppeteer-core';
export const FIREFOX_EXTENSION_DIR: string;
export function findFirefox(): string | null;
export function ensureFirefox(): string;
export function firefoxPrefs(port: number): Record<string, string | number | boolean>;
export function launchFirefoxWithExtension(options?: {
  port?: number;
  extensionDir?: string;
  headless?: boolean;
  /** Pins the add-on's UUID, so its pages can be opened at a known moz-extension:// address. */
  extensionUuid?: string;
}): Promise<{ browser: Browser; addonId: string }>;
