// The config's settings copied into plain data while the load guards still hold (see load-guard.ts). A settings object
// is code as much as data: a getter (`get links() { throw … }`), a Proxy trap or a `process.exit` inside one would
// otherwise run later, inside zod or while a message describes the value, where a throw became a stack trace and exit
// 1 (which `check` means as "stale"). Read here once, every such throw is reported like a throw at import, at the
// config's line; nothing after loading runs config code.
// Objects are copied by their own enumerable string keys whatever their prototype (a settings object is plain data:
// no class, Date or Map has a place in it); functions stay as they are, for the schema to refuse by type. Shared and
// circular references stay shared: a cycle must not loop here.

export function configSnapshot(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (let i = 0; i < value.length; i++) copy.push(configSnapshot(value[i], copies));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const key of Object.keys(value)) {
    // defineProperty, not assignment: an own key `__proto__` stays a key (for the schema to refuse), not a prototype.
    Object.defineProperty(copy, key, {
      value: configSnapshot((value as Record<string, unknown>)[key], copies),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
