// Immutable set and map updates for state hooks.

export function withAll<T>(set: ReadonlySet<T>, values: readonly T[]): ReadonlySet<T> {
  return new Set([...set, ...values]);
}

export function without<T>(set: ReadonlySet<T>, values: readonly T[]): ReadonlySet<T> {
  return new Set([...set].filter((value) => !values.includes(value)));
}

export function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  return set.has(value) ? without(set, [value]) : withAll(set, [value]);
}

export function withEntries<K, V>(map: ReadonlyMap<K, V>, entries: readonly (readonly [K, V])[]): ReadonlyMap<K, V> {
  return new Map([...map, ...entries]);
}

export function withoutKeys<K, V>(map: ReadonlyMap<K, V>, keys: readonly K[]): ReadonlyMap<K, V> {
  return new Map([...map].filter(([key]) => !keys.includes(key)));
}
