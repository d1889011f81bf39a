import type { IncomingMessage, ServerResponse } from 'node:http';
export const PAGES_DIR: string;
export function serveFixtures(options?: {
  dir?: string;
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
}): Promise<{ port: number; close(): Promise<void> }>;
