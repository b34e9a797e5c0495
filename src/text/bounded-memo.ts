/**
 * A memo for what repeats across calls (label keys, cell values): short keys only, and
 * cleared when it holds `limit` entries, so long or ever-new inputs cannot grow it.
 */
export interface BoundedMemo<V> {
  /** The value of `key`, computed by `make` on a miss (and kept when the key is short). */
  get(key: string, make: (key: string) => V): V;
}

/** A memo of at most `limit` entries whose keys are at most `maxKeyLength` long. */
export function boundedMemo<V>(limit: number, maxKeyLength = 80): BoundedMemo<V> {
  const map = new Map<string, V>();
  return {
    get(key, make) {
      let value = map.get(key);
      if (value === undefined) {
        value = make(key);
        if (key.length <= maxKeyLength) {
          if (map.size > limit) map.clear();
          map.set(key, value);
        }
      }
      return value;
    },
  };
}
