/**
 * A short description of any value for a message, which never throws: strings quoted (and cut at `max` characters),
 * numbers, booleans, null, undefined and BigInts as written, anything else by its kind. An object is never
 * serialised: that would overflow the stack on deep nesting, throw on cycles and BigInts, and run getters and proxy
 * traps, turning a bad value into a crash.
 */
export function describeValue(value: unknown, max = 60): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'object':
      if (value === null) return 'null';
      try {
        return Array.isArray(value) ? 'a list' : 'an object';
      } catch {
        // Array.isArray throws for a revoked proxy.
        return 'an unreadable object';
      }
    default:
      return String(value);
  }
}
