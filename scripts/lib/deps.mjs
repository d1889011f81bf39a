// Installs the project's npm packages when they are missing (a fresh clone).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function ensureDependencies() {
  if (existsSync('node_modules/.bin/wxt') && existsSync('node_modules/playwright-core')) return;
  console.log('Installing npm packages…');
  execSync(existsSync('package-lock.json') ? 'npm ci' : 'npm install', { stdio: 'inherit' });
}
