// What the toasts say after a save or a delete, per resource ("Source saved", not react-admin's "Element created"):
// react-admin asks for resources.<name>.notifications.{created,updated,deleted} before its generic message.

/** Per resource: [the toast after a create or an edit, after a delete (singular |||| plural)]. */
export type Notices<R> = { [K in keyof R]: readonly [saved: string, deleted: string] };

export function withNotices<R extends Record<string, object>>(
  resources: R,
  notices: Notices<R>,
): { [K in keyof R]: R[K] & { notifications: { created: string; updated: string; deleted: string } } } {
  return Object.fromEntries(
    Object.entries(resources).map(([name, r]) => {
      const [saved, deleted] = notices[name as keyof R];
      return [name, { ...r, notifications: { created: saved, updated: saved, deleted } }];
    }),
  ) as never;
}

/** A catalogue's resources before withNotices. */
export type WithoutNotices<R> = { [K in keyof R]: Omit<R[K], 'notifications'> };
