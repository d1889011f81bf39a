// Finding a browser binary, or (as root on a Debian-like machine) installing Debian's package
// for it. Shared by the Chromium and Firefox launchers.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** The binary named by `$envVar`, else the first candidate that exists; null when none does. */
export function findBinary(envVar, candidates) {
  const fromEnv = process.env[envVar];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * Makes sure a browser is there. As root with apt-get it installs `debianPackage`; otherwise it
 * stops with a message saying how to get it.
 */
export function ensureBinary({ name, envVar, candidates, debianPackage }) {
  const found = findBinary(envVar, candidates);
  if (found) return found;
  if (process.env[envVar]) {
    throw new Error(`${envVar} is set to ${process.env[envVar]}, but no file is there.`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`${name} is missing: installing Debian's "${debianPackage}" package (apt-get)…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', debianPackage], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findBinary(envVar, candidates);
    if (installed) return installed;
  }
  throw new Error(
    `${name} was not found. Install it with \`sudo apt-get install ${debianPackage}\` (Debian/Ubuntu), ` +
      `or point ${envVar} at a ${name} binary, then run the command again.`,
  );
}
