import { useEffect, useState } from 'react';

/** What the page's hash says, read by `read`, kept current as the hash changes. */
export function useHashValue<T>(read: (hash: string) => T): T {
  const [value, setValue] = useState(() => read(location.hash));
  useEffect(() => {
    const onHash = () => setValue(read(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [read]);
  return value;
}
