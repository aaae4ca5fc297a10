import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The Node versions we declare must be ones every locked package accepts: `engines` for what users
// install (production dependencies), `devEngines` for the toolchain a contributor installs.
const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));

interface Locked {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

const locked = Object.entries(lock.packages as Record<string, Locked>).filter(([name]) => name !== '');
// The VS Code extension's packager and client, installed by CI beside the project's own toolchain.
const extensionLock = JSON.parse(fs.readFileSync(path.join(root, 'editors/vscode/package-lock.json'), 'utf8'));
const extensionLocked = Object.entries(extensionLock.packages as Record<string, Locked>).filter(([name]) => name !== '');

/** The declared minimum and the newest release of every even major above it that we claim to support. */
function versionsAllowedBy(range: string): string[] {
  const min = semver.minVersion(range)!.version;
  return [min, `${semver.major(min)}.99.0`, '22.12.0', '22.13.0', '22.99.0', '24.0.0', '24.99.0'].filter((v) => semver.satisfies(v, range));
}

function refusing(versions: string[], dev: boolean, packages = locked): string[] {
  return packages
    .filter(([, p]) => !!p.dev === dev && p.engines && !Array.isArray(p.engines) && p.engines.node)
    .flatMap(([name, p]) => {
      const range = (p.engines as { node: string }).node;
      const bad = versions.filter((v) => !semver.satisfies(v, range, { includePrerelease: true }));
      return bad.length ? [`${name}@${p.version} wants node ${range}, refusing ${bad.join(', ')}`] : [];
    });
}

describe('declared Node versions', () => {
  it('every production dependency runs on each Node version that engines allows, down to the minimum', () => {
    const versions = versionsAllowedBy(pkg.engines.node);
    expect(versions[0]).toBe('20.0.0');
    expect(refusing(versions, false)).toEqual([]);
  });

  it('every development dependency installs on each Node version that devEngines allows', () => {
    const range = pkg.devEngines.runtime.version;
    expect(semver.subset(range, pkg.engines.node)).toBe(true);
    expect(refusing(versionsAllowedBy(range), true)).toEqual([]);
    expect(refusing(versionsAllowedBy(range), true, extensionLocked)).toEqual([]);
  });

  it('the tests run on a Node version the project declares', () => {
    expect(semver.satisfies(process.versions.node, pkg.devEngines.runtime.version)).toBe(true);
  });
});
