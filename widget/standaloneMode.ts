/**
 * What only a top-level page needs (a mobile app's webview, PRODUCT.md §5): the native
 * bridges, the redirects after a final outcome and the mount kept across reloads. A chunk of
 * its own (`standaloneModeLoader.ts`), so a mount embedded by the SDK, which never uses it,
 * does not download it; the service lists it as `modulepreload` in a document that may be
 * top-level (`server/widgetDocument/bootAssets.ts`), so a webview's boot does not wait for it.
 * Nothing here imports the widget API client: a chunk that did would pull the protocol
 * schemas and zod out of the entry into chunks of their own, on every mount's path.
 */
export { deliverToNativeBridges } from './nativeBridges';
export { standaloneRedirect } from './standaloneRedirect';
export { updateMount, writeMount } from './mountStore';
export { resumeStoredMount } from './resumeStoredMount';
