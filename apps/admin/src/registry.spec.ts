import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_RULES } from './providers/access';
import { en } from './i18n/en';
import { PAGES, REGISTRY, RESOURCES, SIDE_MENU, USER_MENU, entryNamed } from './registry';

const SRC = __dirname;

function hasKey(path: string): boolean {
  let node: unknown = en;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('registry', () => {
  it('should give every resource and page a name of its own (it is also the route and the access key)', () => {
    const names = REGISTRY.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const e of REGISTRY) expect(e.name).toMatch(/^[a-z][a-z-]*$/);
  });

  it('should register every folder that has a config, and find each entry by its name', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(SRC, d.name, 'index.ts')))
      .map((d) => d.name)
      .filter((d) => d !== 'i18n');
    const registered = new Set(REGISTRY.map((e) => e.name));
    for (const folder of folders) {
      const source = readFileSync(join(SRC, folder, 'index.ts'), 'utf8');
      for (const [, name] of source.matchAll(/\bname: '([^']+)'/g)) expect(registered).toContain(name);
    }
    for (const e of REGISTRY) expect(entryNamed(e.name)).toBe(e);
  });

  it('should name an access rule that exists for every entry', () => {
    for (const e of REGISTRY) expect(Object.keys(ACCESS_RULES)).toContain(e.access);
  });

  it("should keep every screen lazy: a config's index.ts imports no component of its folder statically", () => {
    for (const e of REGISTRY) {
      const loaders = e.kind === 'page' ? [e.page] : Object.values(e.pages);
      for (const load of loaders) expect(typeof load).toBe('function');
    }
    const folders = readdirSync(SRC, { withFileTypes: true }).filter(
      (d) => d.isDirectory() && d.name !== 'i18n' && existsSync(join(SRC, d.name, 'index.ts')),
    );
    for (const folder of folders) {
      const source = readFileSync(join(SRC, folder.name, 'index.ts'), 'utf8');
      const staticImports = [...source.matchAll(/^import\s(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect({ folder: folder.name, local: staticImports.filter((p) => p.startsWith('./')) }).toEqual({
        folder: folder.name,
        local: [],
      });
    }
  });

  it('should derive the side menu: groups in order, items in the order of the registry, headings in the catalogue', () => {
    expect(SIDE_MENU.map((s) => [s.group, s.items.map((e) => e.name)])).toEqual([
      ['portfolio', ['initiatives', 'milestones', 'engagements', 'decisions', 'agreements', 'import']],
      ['actors', ['people', 'organizations']],
      ['evidence', ['intake', 'sources', 'reports']],
      ['administration', ['users', 'sectors', 'countries', 'audit-events']],
    ]);
    for (const s of SIDE_MENU) expect(hasKey(s.label)).toBe(true);
  });

  it('should derive the user menu from the pages, each labelled in the catalogue', () => {
    expect(USER_MENU.map((p) => p.name)).toEqual(['profile', 'password', 'tokens']);
    for (const p of PAGES) expect(hasKey(p.label)).toBe(true);
  });

  it('should label every resource in the menu and give each a list to open', () => {
    for (const r of RESOURCES.filter((r) => r.menu)) {
      expect(hasKey(`resources.${r.name}.name`)).toBe(true);
      expect(r.pages.list).toBeDefined();
    }
  });
});
