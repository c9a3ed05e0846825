import { useEffect, useState } from 'react';
import { onLibraryChanged } from '../actions/refresh.js';

/** A number that goes up after each handled library change, for views that fetch their own data. */
export function useLibraryEpoch(): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => onLibraryChanged(() => setEpoch((e) => e + 1)), []);
  return epoch;
}
