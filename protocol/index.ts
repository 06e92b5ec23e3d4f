// The host↔widget and widget↔service contract. Imports nothing outside this folder.
export * from './constants';
export * from './envelope';
export * from './appearance';
export * from './account';
export * from './events';
export * from './handshake';
export * from './rpc';
export * from './widgetApi';
export * from './accountNumbers';
export * from './bankDirectory';
