import type { BrowserContext, Worker } from 'playwright-core';
export const EXTENSION_DIR: string;
export function findChromium(): string | null;
export function ensureChromium(): string;
export function chromiumArgs(options?: { extensionDir?: string; port?: number; headless?: boolean }): string[];
export function launchWithExtension(options?: {
  userDataDir?: string;
  port?: number;
  headless?: boolean;
  extraArgs?: string[];
  extensionDir?: string;
  waitMs?: number;
}): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }>;
