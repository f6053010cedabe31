// stylis 4.2 ships no types; the plugin signature emotion expects.
declare module 'stylis' {
  export type Middleware = (element: unknown, index: number, children: unknown[], callback: unknown) => string | void;
  export const prefixer: Middleware;
}
