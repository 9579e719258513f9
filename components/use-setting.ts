import { useEffect, useState } from 'react';
import { settings } from '../lib/settings';

/** A setting's current value, kept current as it changes anywhere (undefined until read). */
export function useSetting<K extends keyof typeof settings>(name: K) {
  type Value = Awaited<ReturnType<(typeof settings)[K]['getValue']>>;
  const [value, setValue] = useState<Value>();
  useEffect(() => {
    const item = settings[name];
    void item.getValue().then((v) => setValue(v as Value));
    return item.watch((v) => setValue(v as Value));
  }, [name]);
  return value;
}
