import { loadersFor, pages, resourcePages } from './routes';

describe(loadersFor.name, () => {
  it('should pick the layout and the screen of the route in the hash', () => {
    expect(loadersFor('#/')).toEqual([pages.layout, pages.dashboard]);
    expect(loadersFor('#/initiatives?filter=%7B%7D')).toEqual([pages.layout, resourcePages.initiatives.list]);
    expect(loadersFor('#/initiatives/create')).toEqual([pages.layout, resourcePages.initiatives.create]);
    expect(loadersFor('#/initiatives/7')).toEqual([pages.layout, resourcePages.initiatives.edit]);
    expect(loadersFor('#/initiatives/7/show/timeline')).toEqual([pages.layout, resourcePages.initiatives.show]);
    expect(loadersFor('#/profile')).toEqual([pages.layout, pages.profile]);
    expect(loadersFor('#/tokens')).toEqual([pages.layout, pages.tokens]);
  });

  it('should not guess for an unknown route or a view a resource does not have', () => {
    expect(loadersFor('#/nowhere')).toEqual([pages.layout]);
    expect(loadersFor('#/decisions/3/show')).toEqual([pages.layout]);
  });
});
