export default async function globalTeardown() {
  await globalThis.__RABTA_BROWSER_SERVER__?.stop();
}
