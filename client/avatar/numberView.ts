/**
 * A read-only record over numbers kept in a Float64Array: `view[names[i]]` reads `values[i]`.
 * Per-frame state lives in the array (indexed loops, no boxing: every number written to an
 * object under a computed key is a new heap object), while readers (tests, the automation
 * handle, JSON) still see one stable object with a property per name.
 */
export function numberView<Name extends string>(names: readonly Name[], values: Float64Array): Readonly<Record<Name, number>> {
  if (values.length !== names.length) throw new Error(`numberView: ${names.length} names for ${values.length} values`);
  const view = {} as Record<Name, number>;
  names.forEach((name, i) => {
    Object.defineProperty(view, name, { enumerable: true, get: () => values[i]! });
  });
  return Object.freeze(view);
}
