// The part of sessionStorage the stores use, so tests can hand them a Map-backed one.

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;
