import { initiatives } from './initiatives';
import { reports } from './reports';
import { tokens, profile } from './account';
import { loadersFor, shell, viewOf } from './routes';

describe(loadersFor.name, () => {
  it('should pick the layout and the screen of the route in the hash, from the registry', () => {
    expect(loadersFor('#/')).toEqual([shell.layout, shell.dashboard]);
    expect(loadersFor('#/initiatives?filter=%7B%7D')).toEqual([shell.layout, initiatives.pages.list]);
    expect(loadersFor('#/initiatives/create')).toEqual([shell.layout, initiatives.pages.create]);
    expect(loadersFor('#/initiatives/7')).toEqual([shell.layout, initiatives.pages.edit]);
    expect(loadersFor('#/initiatives/7/show/timeline')).toEqual([shell.layout, initiatives.pages.show]);
    expect(loadersFor('#/reports')).toEqual([shell.layout, reports.pages.list]);
    expect(loadersFor('#/profile')).toEqual([shell.layout, profile.page]);
    expect(loadersFor('#/tokens')).toEqual([shell.layout, tokens.page]);
  });

  it('should not guess for an unknown route or a view a resource does not have', () => {
    expect(loadersFor('#/nowhere')).toEqual([shell.layout]);
    expect(loadersFor('#/decisions/3/show')).toEqual([shell.layout]);
    expect(loadersFor('#/saved-views')).toEqual([shell.layout]);
  });
});

describe(viewOf.name, () => {
  it("should read react-admin's routes: list, create, edit by id, show", () => {
    expect(viewOf(undefined, undefined)).toBe('list');
    expect(viewOf('create', undefined)).toBe('create');
    expect(viewOf('7', undefined)).toBe('edit');
    expect(viewOf('7', 'show')).toBe('show');
  });
});
