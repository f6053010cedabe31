// Browser tests: start the built API once for the run, create one user per role, hand their credentials to the
// tests through the environment. global-teardown.mjs stops it.
import server from './server.cjs';

const { ADMIN, apiSession, startApi } = server;

export const PASSWORD = 'Browser-user-pass-2026';

export default async function globalSetup() {
  const api = await startApi();
  globalThis.__RABTA_BROWSER_SERVER__ = api;
  const admin = await apiSession(api.url, ADMIN);
  const sectors = await admin.get(`/sectors?${new URLSearchParams({ range: '[0,99]' })}`);
  const energy = sectors.find((s) => s.code === 'energy');
  if (!energy) throw new Error(`The demo seed has no energy sector: ${JSON.stringify(sectors.map((s) => s.code))}`);
  const users = {
    admin: { ...ADMIN, name: 'Administrator' },
    analyst: {
      email: 'energy.analyst@browser.test',
      password: PASSWORD,
      name: 'Energy Analyst',
      role: 'analyst',
      sectorIds: [energy.id],
    },
    viewer: {
      email: 'viewer@browser.test',
      password: PASSWORD,
      name: 'Portfolio Viewer',
      role: 'viewer',
      sectorIds: [],
    },
    // For tests that sign in and out, switch language or get their session revoked.
    other: {
      email: 'other.analyst@browser.test',
      password: PASSWORD,
      name: 'Other Analyst',
      role: 'analyst',
      sectorIds: [],
    },
  };
  for (const role of ['analyst', 'viewer', 'other']) {
    const u = users[role];
    const created = await admin.post('/users', {
      email: u.email,
      name: u.name,
      role: u.role,
      sectorIds: u.sectorIds,
      password: u.password,
      locale: 'en',
    });
    u.id = created.id;
  }
  process.env.RABTA_BROWSER_BASE_URL = api.url;
  process.env.RABTA_BROWSER_USERS = JSON.stringify(users);
  process.env.RABTA_BROWSER_ENERGY_SECTOR = String(energy.id);
}
