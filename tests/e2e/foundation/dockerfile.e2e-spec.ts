import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// No Docker engine runs in development or CI, so docker/Dockerfile is checked by reading: every workspace package
// the API loads at run time must be installed in both dependency stages and have its build copied into the image.
const root = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifest = (dir: string) =>
  JSON.parse(read(join(dir, 'package.json'))) as { name: string; dependencies?: object };

/** The folders of the @rabta/* packages `dir` depends on, directly or through each other. */
function workspaceDependencies(dir: string, seen = new Set<string>()): Set<string> {
  for (const name of Object.keys(manifest(dir).dependencies ?? {})) {
    if (!name.startsWith('@rabta/')) continue;
    const folder = `packages/${name.slice('@rabta/'.length)}`;
    if (seen.has(folder)) continue;
    expect(manifest(folder).name).toBe(name);
    seen.add(folder);
    workspaceDependencies(folder, seen);
  }
  return seen;
}

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile');
  const count = (line: string) => dockerfile.split('\n').filter((l) => l.trim() === line).length;
  const packages = [...workspaceDependencies('apps/api')].sort();

  it('should find the packages the API loads', () => {
    expect(packages).toEqual(expect.arrayContaining(['packages/db', 'packages/domain', 'packages/intake']));
  });

  it.each(packages)('should install %s in the build and the dependency stage and copy its build', (folder) => {
    expect(count(`COPY ${folder}/package.json ${folder}/`)).toBe(2);
    expect(count(`COPY --from=build /app/${folder}/dist ${folder}/dist`)).toBe(1);
  });

  it('should copy the API and the admin it serves', () => {
    expect(count('COPY --from=build /app/apps/api/dist apps/api/dist')).toBe(1);
    expect(count('COPY --from=build /app/apps/admin/dist apps/admin/dist')).toBe(1);
  });
});
